package org.waarom.api.webhook.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.common.config.WaaromConfig;
import org.waarom.api.event.rest.EventView;

import java.io.IOException;
import java.net.ConnectException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpConnectTimeoutException;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.net.http.HttpTimeoutException;
import java.nio.channels.UnresolvedAddressException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Optional;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import javax.net.ssl.SSLException;

/**
 * Sends one event to one webhook, signed as in the Standard Webhooks convention: the body is the
 * event as the feed serves it ({@code id, type, organization, occurredAt, data}); the headers
 * {@code webhook-id} (the event id: the same on every retry, for the receiver to deduplicate),
 * {@code webhook-timestamp} (this attempt, unix seconds) and {@code webhook-signature}
 * ({@code v1,<base64 HMAC-SHA256 of id.timestamp.body>}). A 2xx answer is a delivery; anything
 * else, redirects included (they are not followed), is a failure.
 */
@ApplicationScoped
public class WebhookSender {

    static final String USER_AGENT = "Waarom-Webhooks/1.0";

    private final HttpClient client;
    private final Duration requestTimeout;
    private final Duration overallTimeout;
    private final WebhookAddressPolicy addresses;
    private final ObjectMapper json;
    private final Clock clock;

    WebhookSender(WaaromConfig config, WebhookAddressPolicy addresses, ObjectMapper json, Clock clock) {
        this.requestTimeout = config.webhooks().requestTimeout();
        // The request timeout ends when the answer's headers arrive; this also bounds reading its body.
        this.overallTimeout = config.webhooks().connectTimeout().plus(requestTimeout).plusSeconds(5);
        this.client = HttpClient.newBuilder()
                .connectTimeout(config.webhooks().connectTimeout())
                // A redirect could lead anywhere, also inside the network: the receiver should register its final URL.
                .followRedirects(HttpClient.Redirect.NEVER)
                .version(HttpClient.Version.HTTP_1_1)
                .build();
        this.addresses = addresses;
        this.json = json;
        this.clock = clock;
    }

    /** The longest one {@link #send} can take, name resolution aside. */
    Duration longestAttempt() {
        return overallTimeout;
    }

    /** What became of one attempt: the receiver's status, and an error unless it answered 2xx. */
    record Outcome(Integer statusCode, String error) {

        boolean delivered() {
            return error == null;
        }

        static Outcome failed(String error) {
            return new Outcome(null, error);
        }
    }

    /** Posts {@code event} to {@code url}, signed with {@code secret}; never throws for what the receiver or the network does. */
    Outcome send(URI url, WebhookSecret secret, EventView event) {
        Optional<String> refusal = addresses.refusal(url);
        if (refusal.isPresent()) {
            return Outcome.failed("Not sent: " + refusal.get());
        }
        byte[] body;
        try {
            body = json.writeValueAsBytes(event);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event " + event.id() + " could not be written as JSON", e);
        }
        String id = String.valueOf(event.id());
        long timestamp = Instant.now(clock).getEpochSecond();
        HttpRequest request = HttpRequest.newBuilder(url)
                .timeout(requestTimeout)
                .header("Content-Type", "application/json")
                .header("User-Agent", USER_AGENT)
                .header("webhook-id", id)
                .header("webhook-timestamp", String.valueOf(timestamp))
                .header("webhook-signature", secret.sign(id, timestamp, body))
                .POST(HttpRequest.BodyPublishers.ofByteArray(body))
                .build();
        CompletableFuture<HttpResponse<Void>> answer = client.sendAsync(request, HttpResponse.BodyHandlers.discarding());
        try {
            int status = answer.get(overallTimeout.toMillis(), TimeUnit.MILLISECONDS).statusCode();
            return new Outcome(status, status >= 200 && status < 300 ? null : "HTTP " + status);
        } catch (TimeoutException e) {
            answer.cancel(true);
            return Outcome.failed("No complete answer within " + overallTimeout.toSeconds() + " s");
        } catch (InterruptedException e) {
            answer.cancel(true);
            Thread.currentThread().interrupt();
            return Outcome.failed("Interrupted while sending (the service is stopping)");
        } catch (ExecutionException e) {
            return Outcome.failed(describe(e.getCause()));
        }
    }

    /** A failure in words for the delivery log: never an exception class name or a stack trace. */
    private String describe(Throwable failure) {
        if (failure instanceof CompletionException && failure.getCause() != null) {
            failure = failure.getCause();
        }
        if (failure instanceof HttpConnectTimeoutException) {
            return "Could not connect within " + client.connectTimeout().map(Duration::toSeconds).orElse(0L) + " s";
        }
        if (failure instanceof HttpTimeoutException) {
            return "No answer within " + requestTimeout.toSeconds() + " s";
        }
        if (failure instanceof SSLException ssl) {
            return "TLS failed" + detail(ssl);
        }
        if (failure instanceof ConnectException connect) {
            if (connect.getCause() instanceof UnresolvedAddressException) {
                return "The host could not be resolved";
            }
            return "Could not connect" + detail(connect);
        }
        if (failure instanceof IOException io) {
            return "Connection failed" + detail(io);
        }
        return "Could not send";
    }

    private static String detail(Throwable failure) {
        String message = failure.getMessage();
        return message == null || message.isBlank() ? "" : ": " + message;
    }
}
