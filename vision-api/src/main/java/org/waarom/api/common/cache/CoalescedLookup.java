package org.waarom.api.common.cache;

import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executor;
import java.util.function.Function;

/**
 * A lookup whose concurrent callers share one query, without ever answering from the past.
 *
 * <p>The rule: a caller may take the answer of a query only if that query <em>started after the
 * caller arrived</em>. Such an answer is as fresh as one of its own (it sees everything that had
 * committed when the caller arrived), so reads built on it stay linearizable: a change that was
 * acknowledged before the request came in is always seen.
 *
 * <p>Per key there is at most one query running and at most one <em>round</em> waiting to start.
 * A caller joins the waiting round if there is one (it starts later, so after the caller arrived);
 * else it starts a query at once when none is running, or opens the waiting round, which starts as
 * soon as the running query ends. Under load each query therefore answers everyone who arrived while
 * the previous one ran: the number of queries per key is bounded by the database's speed, not by the
 * number of requests, and a caller waits at most for the end of one query and the whole of the next.
 *
 * <p>Asynchronous: queries run on {@code executor} (they block on JDBC), callers get a stage that the
 * query's thread completes, so a request waiting for one holds no thread. A failed query fails every
 * caller of its round; the next round tries again.
 *
 * @param <K> what is looked up (an organisation slug, a key hash, …)
 * @param <V> the answer
 */
public final class CoalescedLookup<K, V> {

    private final Function<K, V> query;
    private final Executor executor;
    private final ConcurrentHashMap<K, Slot<V>> slots = new ConcurrentHashMap<>();

    /**
     * @param query    the database query for one key (blocking)
     * @param executor where queries run
     */
    public CoalescedLookup(Function<K, V> query, Executor executor) {
        this.query = query;
        this.executor = executor;
    }

    /** The answer of a query of {@code key} that starts after this call. */
    public CompletionStage<V> get(K key) {
        while (true) {
            Slot<V> slot = slots.computeIfAbsent(key, k -> new Slot<>());
            CompletableFuture<V> start;
            synchronized (slot) {
                if (slot.retired) {
                    continue; // forgotten meanwhile: take the key's new slot
                }
                if (slot.waiting != null) {
                    return slot.waiting;              // not started yet: it starts after we arrived
                }
                if (slot.running != null) {
                    return slot.waiting = new CompletableFuture<>(); // starts when the running query ends
                }
                start = slot.running = new CompletableFuture<>();
            }
            executor.execute(() -> run(key, slot, start));
            return start;
        }
    }

    /** Runs the round {@code round}, then, in the same thread, every round that queued up behind it. */
    private void run(K key, Slot<V> slot, CompletableFuture<V> round) {
        CompletableFuture<V> current = round;
        while (current != null) {
            V answer = null;
            Throwable failure = null;
            try {
                answer = query.apply(key);
            } catch (RuntimeException | Error e) {
                failure = e;
            }
            CompletableFuture<V> next;
            synchronized (slot) {
                // The waiting round starts now: from here on nobody joins it.
                next = slot.waiting;
                slot.waiting = null;
                slot.running = next;
                if (next == null) {
                    // Idle: forget the key, so that keys never asked again (unknown API keys) take no memory.
                    slot.retired = true;
                    slots.remove(key, slot);
                }
            }
            if (failure == null) {
                current.complete(answer);
            } else {
                current.completeExceptionally(failure);
            }
            current = next;
        }
    }

    /** Keys with a query running or waiting (for tests). */
    int activeKeys() {
        return slots.size();
    }

    /** A key's rounds; guarded by its monitor. */
    private static final class Slot<V> {
        CompletableFuture<V> running;
        CompletableFuture<V> waiting;
        boolean retired;
    }
}
