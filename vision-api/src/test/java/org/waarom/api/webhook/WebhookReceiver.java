package org.waarom.api.webhook;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;

import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.stream.Collectors;

/**
 * A webhook receiver for the tests: the JDK's HTTP server on 127.0.0.1 and a free port. It records
 * every request and answers with the statuses it is told, in turn, then with its default status.
 */
public final class WebhookReceiver implements AutoCloseable {

    /** One request as it arrived: headers (lower-case names), the exact body, and the status it was answered. */
    record Received(Map<String, String> headers, byte[] rawBody, int answered) {

        String header(String name) {
            return headers.get(name.toLowerCase(Locale.ROOT));
        }

        String body() {
            return new String(rawBody, StandardCharsets.UTF_8);
        }

        String webhookId() {
            return header("webhook-id");
        }
    }

    private final HttpServer server;
    private final ExecutorService executor = Executors.newCachedThreadPool();
    private final List<Received> received = new CopyOnWriteArrayList<>();
    private final Queue<Integer> nextAnswers = new ConcurrentLinkedQueue<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final AtomicInteger mostInFlight = new AtomicInteger();
    private volatile int defaultAnswer = 200;
    private volatile CountDownLatch hold = new CountDownLatch(0);

    private WebhookReceiver() throws IOException {
        server = HttpServer.create(new InetSocketAddress(InetAddress.getLoopbackAddress(), 0), 0);
        server.createContext("/", this::receive);
        server.setExecutor(executor);
        server.start();
    }

    public static WebhookReceiver start() {
        try {
            return new WebhookReceiver();
        } catch (IOException e) {
            throw new IllegalStateException("The test receiver could not start", e);
        }
    }

    public String url() {
        return "http://127.0.0.1:" + server.getAddress().getPort() + "/hooks/waarom";
    }

    /** Answers the next requests with these statuses, in turn. */
    WebhookReceiver thenAnswer(Integer... statuses) {
        nextAnswers.addAll(List.of(statuses));
        return this;
    }

    /** Answers with this status when no turn is queued. */
    WebhookReceiver answerByDefault(int status) {
        defaultAnswer = status;
        return this;
    }

    /** Keeps every request waiting for its answer until {@link #release()}. */
    void hold() {
        hold = new CountDownLatch(1);
    }

    void release() {
        hold.countDown();
    }

    List<Received> received() {
        return List.copyOf(received);
    }

    List<String> receivedIds() {
        return received.stream().map(Received::webhookId).toList();
    }

    /** The most requests that were ever being answered at the same time. */
    int mostInFlight() {
        return mostInFlight.get();
    }

    private void receive(HttpExchange exchange) throws IOException {
        int concurrent = inFlight.incrementAndGet();
        mostInFlight.accumulateAndGet(concurrent, Math::max);
        try (exchange; InputStream body = exchange.getRequestBody()) {
            byte[] raw = body.readAllBytes();
            Map<String, String> headers = exchange.getRequestHeaders().entrySet().stream()
                    .collect(Collectors.toMap(entry -> entry.getKey().toLowerCase(Locale.ROOT), entry -> String.join(",", entry.getValue())));
            Integer turn = nextAnswers.poll();
            int status = turn == null ? defaultAnswer : turn;
            received.add(new Received(headers, raw, status));
            if (!hold.await(30, TimeUnit.SECONDS)) {
                status = 504;
            }
            exchange.sendResponseHeaders(status, -1);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        } finally {
            inFlight.decrementAndGet();
        }
    }

    @Override
    public void close() {
        release();
        server.stop(0);
        executor.shutdownNow();
    }
}
