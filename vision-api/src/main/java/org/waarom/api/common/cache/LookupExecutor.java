package org.waarom.api.common.cache;

import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.concurrent.Executor;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * The threads on which {@link CoalescedLookup} queries run (they block on JDBC). A few are enough:
 * each runs one query after another for everyone waiting, and requests wait without a thread. Apart
 * from the worker pool, so that lookups (which every request needs first) never queue behind slow
 * requests.
 */
@ApplicationScoped
public class LookupExecutor implements Executor {

    /** Queries of different keys (organisations, API keys) that may run at the same time. */
    private static final int THREADS = 4;

    private final ThreadPoolExecutor pool;

    LookupExecutor() {
        AtomicInteger number = new AtomicInteger();
        pool = new ThreadPoolExecutor(THREADS, THREADS, 1, TimeUnit.MINUTES, new LinkedBlockingQueue<>(), task -> {
            Thread thread = new Thread(task, "waarom-lookup-" + number.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        });
        pool.allowCoreThreadTimeOut(true);
    }

    @Override
    public void execute(Runnable task) {
        pool.execute(task);
    }

    @PreDestroy
    void stop() {
        pool.shutdown();
    }
}
