package org.waarom.scheduler.reminder;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.waarom.scheduler.config.SchedulerConfig;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;

/**
 * Posts reminders to the incoming webhook of a chat tool ({@code WAAROM_REMINDERS_WEBHOOK_URL}):
 * {@code {"text": "…"}}, the message shape that Slack and Microsoft Teams incoming webhooks both
 * accept. Any answer but 2xx, or none within the timeouts, is a failure. The URL is never logged
 * or recorded: for Slack and Teams it is itself the secret.
 */
@ApplicationScoped
public class IncomingWebhook {

    static final Duration CONNECT_TIMEOUT = Duration.ofSeconds(5);
    static final Duration ANSWER_TIMEOUT = Duration.ofSeconds(10);

    private final HttpClient http = HttpClient.newBuilder()
            .connectTimeout(CONNECT_TIMEOUT)
            .followRedirects(HttpClient.Redirect.NEVER)
            .build();

    @Inject
    SchedulerConfig config;

    @Inject
    ObjectMapper json;

    /** Whether reminders also go to a webhook. */
    public boolean isConfigured() {
        return url().isPresent();
    }

    /** Posts the short form of {@code content}; throws {@link DeliveryException} when it was not accepted. */
    public void send(ReminderContent content) {
        URI target = url().map(URI::create).orElseThrow(() -> new IllegalStateException("No incoming webhook configured"));
        HttpRequest request;
        try {
            request = HttpRequest.newBuilder(target)
                    .timeout(ANSWER_TIMEOUT)
                    .header("Content-Type", "application/json")
                    .POST(HttpRequest.BodyPublishers.ofString(json.writeValueAsString(Map.of("text", text(content)))))
                    .build();
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
        HttpResponse<Void> response;
        try {
            response = http.send(request, HttpResponse.BodyHandlers.discarding());
        } catch (IOException e) {
            throw new DeliveryException("incoming webhook unreachable: " + e.getClass().getSimpleName()
                    + (e.getMessage() == null ? "" : ": " + e.getMessage()), e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new DeliveryException("interrupted while posting to the incoming webhook", e);
        }
        if (response.statusCode() / 100 != 2) {
            throw new DeliveryException("incoming webhook answered " + response.statusCode(), null);
        }
    }

    /**
     * The message: subject, reason and whom it concerns, one per line. Slack reads {@code <…>} as
     * links and mentions and {@code &} as the start of an entity, so stored texts have those three
     * escaped, as Slack asks; Teams shows the entities as the characters they stand for.
     */
    static String text(ReminderContent content) {
        StringBuilder text = new StringBuilder(escape(content.subject())).append('\n').append(escape(content.reason()));
        if (!content.addressedTo().isBlank()) {
            text.append('\n').append(escape(content.addressedTo()));
        }
        // No link: a channel is read by others than the addressees, and a review link acts as its recipient. Each addressee
        // has their own in their e-mail (docs/review-page.md#the-link).
        return text.toString();
    }

    static String escape(String text) {
        return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;");
    }

    private Optional<String> url() {
        return config.reminders().webhookUrl().filter(url -> !url.isBlank());
    }
}
