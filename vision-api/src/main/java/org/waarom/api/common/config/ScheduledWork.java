package org.waarom.api.common.config;

import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.waarom.api.common.problem.PersistenceExceptionMapper;

import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Runs the service's own scheduled work (webhook delivery, closing overdue consultation rounds,
 * event and delivery log retention) so that an unreachable database is one warning when it goes
 * and one line when it is back, instead of a stack trace at every run: the work is retried by its schedule anyway,
 * and while PostgreSQL restarts every run fails the same way. Any other failure is thrown on, to
 * be logged in full by the scheduler.
 */
@ApplicationScoped
public class ScheduledWork {

    private static final Logger LOG = Logger.getLogger(ScheduledWork.class);

    /** The work that found the database unreachable on its last run. */
    private final Set<String> waiting = ConcurrentHashMap.newKeySet();

    /** Runs {@code work} (named {@code name} in the log) now; see the class comment for failures. */
    public void run(String name, Runnable work) {
        try {
            work.run();
        } catch (RuntimeException e) {
            if (!PersistenceExceptionMapper.databaseUnavailable(e)) {
                throw e;
            }
            if (waiting.add(name)) {
                LOG.warnf("%s is waiting for the database, retried on its schedule: %s", name, PersistenceExceptionMapper.describe(e));
            }
            return;
        }
        if (waiting.remove(name)) {
            LOG.infof("%s runs again: the database is reachable", name);
        }
    }
}
