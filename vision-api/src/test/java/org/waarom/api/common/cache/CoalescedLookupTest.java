package org.waarom.api.common.cache;

import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Semaphore;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

/** The sharing rule of {@link CoalescedLookup}: an answer is only shared with callers that arrived before its query started. */
class CoalescedLookupTest {

    private final ExecutorService executor = Executors.newCachedThreadPool();
    /** Query n answers n; each query waits until the test releases it. */
    private final AtomicInteger started = new AtomicInteger();
    private final Semaphore release = new Semaphore(0);
    private final CoalescedLookup<String, Integer> lookup = new CoalescedLookup<>(key -> {
        int number = started.incrementAndGet();
        try {
            if (!release.tryAcquire(10, TimeUnit.SECONDS)) {
                throw new IllegalStateException("not released");
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
        return number;
    }, executor);

    @AfterEach
    void stop() {
        executor.shutdownNow();
    }

    @Test
    void aCallerThatArrivesWhileAQueryRunsGetsTheNextQuerysAnswer() throws Exception {
        CompletionStage<Integer> first = lookup.get("org");
        await().until(() -> started.get() == 1);
        // Query 1 has started: these arrive after it and must not get its answer.
        CompletionStage<Integer> second = lookup.get("org");
        CompletionStage<Integer> third = lookup.get("org");
        release.release();
        assertThat(first.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(1);
        await().until(() -> started.get() == 2);
        release.release();
        assertThat(second.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(2);
        // Both waited for the same round: one query for the two of them.
        assertThat(third.toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo(2);
        assertThat(started.get()).isEqualTo(2);
        await().until(() -> lookup.activeKeys() == 0);
    }

    @Test
    void manyConcurrentCallersShareFewQueriesAndNoneGetsAnOlderAnswerThanItsArrival() throws Exception {
        int callers = 50;
        List<CompletionStage<Integer>> answers = new ArrayList<>();
        List<Integer> startedWhenArrived = new ArrayList<>();
        CountDownLatch done = new CountDownLatch(1);
        Thread releaser = new Thread(() -> {
            while (done.getCount() > 0) {
                release.release();
                Thread.onSpinWait();
            }
        });
        releaser.start();
        try {
            for (int i = 0; i < callers; i++) {
                startedWhenArrived.add(started.get());
                answers.add(lookup.get("org"));
            }
            for (int i = 0; i < callers; i++) {
                // Query numbers grow with their start: an answer numbered above the count at arrival started after it.
                assertThat(answers.get(i).toCompletableFuture().get(10, TimeUnit.SECONDS)).isGreaterThan(startedWhenArrived.get(i));
            }
        } finally {
            done.countDown();
            releaser.join();
        }
        assertThat(started.get()).isLessThanOrEqualTo(callers);
    }

    @Test
    void keysDoNotWaitForEachOther() throws Exception {
        CompletionStage<Integer> a = lookup.get("a");
        CompletionStage<Integer> b = lookup.get("b");
        await().until(() -> started.get() == 2);
        release.release(2);
        assertThat(List.of(a.toCompletableFuture().get(10, TimeUnit.SECONDS), b.toCompletableFuture().get(10, TimeUnit.SECONDS)))
                .containsExactlyInAnyOrder(1, 2);
    }

    @Test
    void aFailedQueryFailsItsRoundAndTheNextRoundTriesAgain() throws Exception {
        AtomicInteger calls = new AtomicInteger();
        CoalescedLookup<String, String> flaky = new CoalescedLookup<>(key -> {
            if (calls.incrementAndGet() == 1) {
                throw new IllegalStateException("database down");
            }
            return "up";
        }, executor);
        assertThatThrownBy(() -> flaky.get("org").toCompletableFuture().get(10, TimeUnit.SECONDS)).hasRootCauseMessage("database down");
        assertThat(flaky.get("org").toCompletableFuture().get(10, TimeUnit.SECONDS)).isEqualTo("up");
    }
}
