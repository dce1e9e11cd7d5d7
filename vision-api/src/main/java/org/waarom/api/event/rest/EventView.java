package org.waarom.api.event.rest;

import com.fasterxml.jackson.databind.JsonNode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.acknowledgement.service.VersionAcknowledgement;
import org.waarom.api.consultation.service.ConsultationClosing;
import org.waarom.api.consultation.service.ConsultationOpening;
import org.waarom.api.consultation.service.FeedbackChange;
import org.waarom.api.element.service.TranslationChange;
import org.waarom.api.element.service.VersionAdoption;
import org.waarom.api.element.service.VersionChange;
import org.waarom.api.goal.service.GoalChange;
import org.waarom.api.goal.service.IndicatorAttainment;
import org.waarom.api.goal.service.IndicatorChange;
import org.waarom.api.organization.rest.OrganizationView;
import org.waarom.api.reference.service.ReferenceChange;
import org.waarom.api.review.rest.ReviewPolicyView;
import org.waarom.api.review.rest.ReviewTaskView;
import org.waarom.api.review.service.SentReminder;
import org.waarom.api.webhook.service.WebhookDisablement;
import org.waarom.api.webhook.service.WebhookEnablement;

import java.time.Instant;

/**
 * An event of the feed. Its {@code data} is read back as stored; its schema is one of the payloads of the event types
 * ({@link org.waarom.api.event.EventType#payload()}), every one of which is listed here (EventTypeExamplesTest checks).
 */
@Schema(name = "Event")
public record EventView(
        @Schema(examples = "1042") long id,
        @Schema(description = "One of the event types listed with the feed", examples = "element.version.adopted") String type,
        @Schema(description = "The organisation's slug; null for platform events", examples = "zorg-a", nullable = true) String organization,
        Instant occurredAt,
        @Schema(description = "Enough to act on without another call; its shape depends on the type", implementation = Object.class, oneOf = {
                OrganizationView.class, VersionChange.class, VersionAdoption.class, VersionAcknowledgement.class, TranslationChange.class,
                GoalChange.class, IndicatorChange.class, IndicatorAttainment.class, ReviewPolicyView.class, ReviewTaskView.class,
                SentReminder.class, ConsultationOpening.class, ConsultationClosing.class, FeedbackChange.class, ReferenceChange.class,
                WebhookDisablement.class, WebhookEnablement.class})
        JsonNode data) {
}
