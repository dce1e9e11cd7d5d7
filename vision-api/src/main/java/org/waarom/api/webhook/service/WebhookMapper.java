package org.waarom.api.webhook.service;

import org.waarom.api.webhook.Webhook;
import org.waarom.api.webhook.WebhookDelivery;
import org.waarom.api.webhook.rest.WebhookDeliveryView;
import org.waarom.api.webhook.rest.WebhookView;

/** Webhooks and their delivery log as clients read them. */
final class WebhookMapper {

    private WebhookMapper() {
    }

    /** The webhook; {@code secret} only in the answer to its creation (null everywhere else). */
    static WebhookView view(Webhook webhook, String secret) {
        return view(webhook, secret, null);
    }

    /** The webhook; {@code resumedFrom} only in the answer to an enable that enabled it again (null everywhere else). */
    static WebhookView view(Webhook webhook, String secret, WebhookView.Resumption resumedFrom) {
        return new WebhookView(webhook.id, webhook.url, webhook.eventTypeList(), secret, webhook.enabled, webhook.createdBy,
                webhook.createdAt, webhook.disabledAt, webhook.disabledReason, webhook.failingSince, webhook.attempts, webhook.lastError,
                webhook.enabled && webhook.failingSince != null ? webhook.nextAttemptAt : null, resumedFrom);
    }

    /** {@code retried}: whether an undelivered entry is still being retried (see {@link WebhookService#deliveries}). */
    static WebhookDeliveryView view(WebhookDelivery delivery, boolean retried) {
        WebhookDeliveryView.Status status = delivery.deliveredAt != null ? WebhookDeliveryView.Status.DELIVERED
                : retried ? WebhookDeliveryView.Status.RETRYING : WebhookDeliveryView.Status.ABANDONED;
        return new WebhookDeliveryView(delivery.eventId, delivery.eventType, status, delivery.statusCode, delivery.attempts,
                delivery.lastError, delivery.firstAttemptAt, delivery.lastAttemptAt, delivery.deliveredAt);
    }
}
