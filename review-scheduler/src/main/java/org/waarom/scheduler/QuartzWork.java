package org.waarom.scheduler;

import io.quarkus.narayana.jta.QuarkusTransaction;
import org.quartz.SchedulerException;

/**
 * Changes to the Quartz job store made by the scheduler's own code. The store is
 * {@code jdbc-cmt}: it joins the caller's transaction and never commits by itself, so every change
 * runs in a transaction of its own here. That also makes a change of several rows (a job replaced
 * together with its trigger) all-or-nothing, and holds Quartz's row locks until it is done.
 */
public final class QuartzWork {

    private QuartzWork() {
    }

    /** A piece of work against the Quartz API. */
    @FunctionalInterface
    public interface Work<T> {
        T run() throws SchedulerException;
    }

    /** Runs {@code work} in a new transaction, committed when it returns. */
    public static <T> T inTransaction(Work<T> work) {
        return QuarkusTransaction.requiringNew().call(() -> {
            try {
                return work.run();
            } catch (SchedulerException e) {
                throw new QuartzStoreException(e);
            }
        });
    }

    /**
     * Runs {@code work} in the caller's transaction when there is one (a batch of changes that
     * commits together), else in a new one.
     */
    public static <T> T joining(Work<T> work) {
        return QuarkusTransaction.joiningExisting().call(() -> {
            try {
                return work.run();
            } catch (SchedulerException e) {
                throw new QuartzStoreException(e);
            }
        });
    }

    /** A failure of the Quartz job store (its database), unchecked so it ends the job run that met it. */
    public static final class QuartzStoreException extends RuntimeException {
        QuartzStoreException(SchedulerException cause) {
            super("Quartz job store: " + cause.getMessage(), cause);
        }
    }
}
