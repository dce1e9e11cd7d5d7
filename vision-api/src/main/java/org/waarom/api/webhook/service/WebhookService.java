package org.waarom.api.webhook.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.CurrentActor;
import org.waarom.api.webhook.Webhook;
import org.waarom.api.webhook.WebhookDelivery;
import org.waarom.api.webhook.rest.CreateWebhookRequest;
import org.waarom.api.webhook.rest.WebhookDeliveryView;
import org.waarom.api.webhook.rest.WebhookView;

import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Registering webhooks, enabling disabled ones again, and reading their delivery log. Delivery itself is
 * {@link WebhookDeliveryJob}'s: a request that changes something only writes its event, it never waits for a receiver.
 */
@ApplicationScoped
public class WebhookService {

    private static final Set<String> EVENT_TYPES = Arrays.stream(EventType.values()).map(EventType::value)
            .collect(Collectors.toCollection(java.util.TreeSet::new));

    private final OrganizationService organizations;
    private final EventService events;
    private final WebhookAddressPolicy addresses;
    private final CurrentActor actor;
    private final Clock clock;

    WebhookService(OrganizationService organizations, EventService events, WebhookAddressPolicy addresses, CurrentActor actor, Clock clock) {
        this.organizations = organizations;
        this.events = events;
        this.addresses = addresses;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * Registers a webhook; it receives the events that commit from now on (not the history). The
     * answer holds the signing secret, generated when none was given: the only time it is shown.
     */
    @Transactional
    public WebhookView create(String org, CreateWebhookRequest request) {
        Organization organization = organizations.require(org);
        List<FieldError> errors = new ArrayList<>();
        String url = validUrl(request.url(), errors);
        String eventTypes = validEventTypes(request.events(), errors);
        WebhookSecret secret = request.secret() == null ? WebhookSecret.generate() : validSecret(request.secret(), errors);
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The webhook has " + errors.size() + " invalid field(s)", errors);
        }
        Webhook webhook = new Webhook();
        webhook.organization = organization;
        webhook.url = url;
        webhook.eventTypes = eventTypes;
        webhook.secret = secret.text();
        webhook.createdBy = actor.name();
        webhook.createdAt = Instant.now(clock);
        webhook.enabled = true;
        webhook.feedCursor = events.head();
        webhook.nextAttemptAt = webhook.createdAt;
        webhook.persist();
        return WebhookMapper.view(webhook, webhook.secret);
    }

    @Transactional
    public Page<WebhookView> list(String org, PageRequest page) {
        var query = Webhook.<Webhook>find("organization", Sort.by("id"), organizations.require(org));
        List<WebhookView> items = query.page(page.page(), page.size()).list().stream().map(webhook -> WebhookMapper.view(webhook, null)).toList();
        return Page.of(items, page, query.count());
    }

    @Transactional
    public WebhookView get(String org, long id) {
        return WebhookMapper.view(require(org, id), null);
    }

    /** Removes the webhook and its delivery log; a delivery in flight is not recorded. */
    @Transactional
    public void delete(String org, long id) {
        require(org, id).delete();
    }

    /**
     * Enables a disabled webhook again, with its secret and its place in the feed: the next delivery is due
     * now, with the first event it has not received, and the later ones follow in order. When retention has
     * removed some of those, it resumes with the oldest event still kept, and the answer and the
     * {@code webhook.enabled} event say so: refusing would not bring the events back, and the only other way
     * out (delete and create) would lose them just the same, and the secret with them. Enabling an enabled
     * webhook changes nothing and writes no event.
     */
    @Transactional
    public WebhookView enable(String org, long id) {
        // Locked: of two enables at once, the second waits and then finds the webhook enabled (one event, not two).
        Webhook webhook = require(org, id, LockModeType.PESSIMISTIC_WRITE);
        if (webhook.enabled) {
            return WebhookMapper.view(webhook, null);
        }
        WebhookView.Resumption resumedFrom = WebhookView.Resumption.WHERE_IT_STOPPED;
        if (!events.keepsEverythingAfter(webhook.feedCursor)) {
            resumedFrom = WebhookView.Resumption.OLDEST_KEPT_EVENT;
            webhook.feedCursor = events.oldestKept();
        }
        WebhookEnablement enabled = new WebhookEnablement(webhook.id, webhook.url, resumedFrom, webhook.disabledAt, webhook.disabledReason, actor.name());
        webhook.enabled = true;
        webhook.disabledAt = null;
        webhook.disabledReason = null;
        // A fresh start: no back-off left over from before, and the delivery job takes it up on its next run.
        webhook.attempts = 0;
        webhook.failingSince = null;
        webhook.lastError = null;
        webhook.lease = null;
        webhook.nextAttemptAt = Instant.now(clock);
        events.record(webhook.organization, EventType.WEBHOOK_ENABLED, enabled);
        return WebhookMapper.view(webhook, null, resumedFrom);
    }

    /**
     * The delivery log, newest event first. An undelivered entry is still being retried (RETRYING) while its
     * webhook is enabled and its event still kept, as {@link DeliveryLogRetention} counts it too; otherwise it was
     * given up (ABANDONED): the webhook was disabled, or it was enabled again after retention had removed the event.
     */
    @Transactional
    public Page<WebhookDeliveryView> deliveries(String org, long id, PageRequest page) {
        Webhook webhook = require(org, id);
        var query = WebhookDelivery.<WebhookDelivery>find("webhookId", Sort.by("id").descending(), webhook.id);
        List<WebhookDelivery> entries = query.page(page.page(), page.size()).list();
        Set<Long> undelivered = entries.stream().filter(delivery -> delivery.deliveredAt == null).map(delivery -> delivery.eventId)
                .collect(Collectors.toSet());
        Set<Long> retried = webhook.enabled && !undelivered.isEmpty() ? events.kept(undelivered) : Set.of();
        List<WebhookDeliveryView> items = entries.stream()
                .map(delivery -> WebhookMapper.view(delivery, retried.contains(delivery.eventId))).toList();
        return Page.of(items, page, query.count());
    }

    private Webhook require(String org, long id) {
        return require(org, id, LockModeType.NONE);
    }

    private Webhook require(String org, long id, LockModeType lock) {
        Organization organization = organizations.require(org);
        return Webhook.<Webhook>find("id = ?1 and organization = ?2", id, organization).withLock(lock).firstResultOptional()
                .orElseThrow(() -> notFound(id));
    }

    public static NotFoundException notFound(Object id) {
        return new NotFoundException("There is no webhook " + id);
    }

    private String validUrl(String text, List<FieldError> errors) {
        URI url;
        try {
            url = new URI(text.strip());
        } catch (URISyntaxException e) {
            errors.add(new FieldError("url", "must be an absolute http or https URL"));
            return null;
        }
        String scheme = url.getScheme() == null ? "" : url.getScheme().toLowerCase(Locale.ROOT);
        if (!url.isAbsolute() || !(scheme.equals("http") || scheme.equals("https")) || url.getHost() == null || url.getHost().isEmpty()) {
            errors.add(new FieldError("url", "must be an absolute http or https URL with a host"));
            return null;
        }
        if (url.getRawUserInfo() != null) {
            // It would be listed to every admin and written to logs; the signature authenticates deliveries instead.
            errors.add(new FieldError("url", "must not contain a user name or password"));
            return null;
        }
        Optional<String> refusal = addresses.refusal(url);
        refusal.ifPresent(reason -> errors.add(new FieldError("url", "is refused: " + reason)));
        return url.toString();
    }

    private static String validEventTypes(List<String> requested, List<FieldError> errors) {
        Set<String> types = new LinkedHashSet<>();
        for (int i = 0; i < requested.size(); i++) {
            String type = requested.get(i);
            if (!Webhook.ALL_EVENTS.equals(type) && !EVENT_TYPES.contains(type)) {
                errors.add(new FieldError("events[" + i + "]", "must be \"*\" or one of " + String.join(", ", EVENT_TYPES)));
            }
            types.add(type);
        }
        return types.contains(Webhook.ALL_EVENTS) ? Webhook.ALL_EVENTS : String.join(",", types);
    }

    private static WebhookSecret validSecret(String text, List<FieldError> errors) {
        return WebhookSecret.parse(text).orElseGet(() -> {
            errors.add(new FieldError("secret", "must be whsec_ followed by the base64 of " + WebhookSecret.MIN_BYTES + " to "
                    + WebhookSecret.MAX_BYTES + " random bytes; leave it out to have one generated"));
            return null;
        });
    }
}
