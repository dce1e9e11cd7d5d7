package org.waarom.api.common.config;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

import java.sql.SQLException;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.logging.Handler;
import java.util.logging.Level;
import java.util.logging.LogRecord;
import java.util.logging.Logger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** Scheduled work while PostgreSQL is away: one warning when it goes, one line when it is back, other failures thrown on. */
class ScheduledWorkTest {

    private final ScheduledWork scheduledWork = new ScheduledWork();
    private final List<LogRecord> logged = new CopyOnWriteArrayList<>();
    private final Handler handler = new Handler() {
        @Override
        public void publish(LogRecord record) {
            logged.add(record);
        }

        @Override
        public void flush() {
        }

        @Override
        public void close() {
        }
    };
    private final Logger log = Logger.getLogger(ScheduledWork.class.getName());

    @BeforeEach
    void listen() {
        log.addHandler(handler);
    }

    @AfterEach
    void stopListening() {
        log.removeHandler(handler);
    }

    @Test
    void anOutageIsOneWarningAndItsEndOneLine() {
        AtomicInteger runs = new AtomicInteger();
        Runnable unreachable = () -> {
            runs.incrementAndGet();
            throw new IllegalStateException("Unable to acquire JDBC Connection", new SQLException("Connection to localhost:5432 refused", "08001"));
        };

        for (int run = 0; run < 5; run++) {
            scheduledWork.run("Webhook delivery", unreachable);
        }
        scheduledWork.run("Webhook delivery", runs::incrementAndGet);
        scheduledWork.run("Webhook delivery", runs::incrementAndGet);

        assertThat(runs).hasValue(7);
        assertThat(logged).extracting(record -> record.getLevel().intValue() >= Level.WARNING.intValue()).containsExactly(true, false);
        assertThat(logged.get(0).getMessage()).contains("Webhook delivery is waiting for the database").contains("Connection to localhost:5432 refused");
        assertThat(logged.get(1).getMessage()).contains("Webhook delivery runs again");
    }

    @Test
    void eachWorkReportsItsOwnOutage() {
        Runnable unreachable = () -> {
            throw new IllegalStateException(new SQLException("FATAL: the database system is starting up", "57P03"));
        };
        scheduledWork.run("Webhook delivery", unreachable);
        scheduledWork.run("Event retention", unreachable);

        assertThat(logged).hasSize(2);
    }

    @Test
    void otherFailuresAreThrownOn() {
        IllegalStateException bug = new IllegalStateException("a bug", new SQLException("syntax error", "42601"));

        assertThatThrownBy(() -> scheduledWork.run("Webhook delivery", () -> {
            throw bug;
        })).isSameAs(bug);
        assertThat(logged).isEmpty();
    }
}
