package org.waarom.api.openapi;

import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.acknowledgement.service.VersionAcknowledgement;
import org.waarom.api.common.EventData;
import org.waarom.api.consultation.service.ConsultationClosing;
import org.waarom.api.consultation.service.ConsultationOpening;
import org.waarom.api.consultation.service.FeedbackChange;
import org.waarom.api.element.service.TranslationChange;
import org.waarom.api.element.service.VersionAdoption;
import org.waarom.api.element.service.VersionChange;
import org.waarom.api.event.EventType;
import org.waarom.api.event.PayloadTypes;
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

/**
 * The record each event type carries as its {@code data}. Here, above every feature, because the records are the
 * features' own and {@code event} knows none of them: {@link TypedEvents} gives each type's envelope the record's schema,
 * and the outbox refuses any other data for the type ({@link PayloadTypes}). A new event type that is not listed here
 * does not compile (the switch names every type).
 */
@ApplicationScoped
public class EventPayloads implements PayloadTypes {

    /** The payload record of {@code type}. */
    public static Class<? extends EventData> of(EventType type) {
        return switch (type) {
            case ORGANIZATION_CREATED, ORGANIZATION_UPDATED -> OrganizationView.class;
            case VERSION_CREATED, VERSION_UPDATED, VERSION_WITHDRAWN -> VersionChange.class;
            case VERSION_ADOPTED -> VersionAdoption.class;
            case VERSION_ACKNOWLEDGED -> VersionAcknowledgement.class;
            case TRANSLATION_CHANGED, EASY_READ_CHANGED -> TranslationChange.class;
            case GOAL_CREATED, GOAL_UPDATED, GOAL_REACHED, GOAL_REOPENED, GOAL_ABANDONED -> GoalChange.class;
            case INDICATOR_CREATED, INDICATOR_TARGET_REVISED, INDICATOR_MEASURED -> IndicatorChange.class;
            case INDICATOR_TARGET_MET -> IndicatorAttainment.class;
            case REVIEW_POLICY_CHANGED -> ReviewPolicyView.class;
            case REVIEW_TASK_CREATED, REVIEW_TASK_COMPLETED, REVIEW_TASK_CANCELLED -> ReviewTaskView.class;
            case REVIEW_TASK_REMINDED -> SentReminder.class;
            case CONSULTATION_OPENED -> ConsultationOpening.class;
            case CONSULTATION_CLOSED -> ConsultationClosing.class;
            case FEEDBACK_RECEIVED, FEEDBACK_CHANGED, FEEDBACK_WITHDRAWN -> FeedbackChange.class;
            case REFERENCE_RECORDED, REFERENCE_UPDATED, REFERENCE_DELETED -> ReferenceChange.class;
            case WEBHOOK_DISABLED -> WebhookDisablement.class;
            case WEBHOOK_ENABLED -> WebhookEnablement.class;
        };
    }

    @Override
    public Class<? extends EventData> payloadOf(EventType type) {
        return of(type);
    }
}
