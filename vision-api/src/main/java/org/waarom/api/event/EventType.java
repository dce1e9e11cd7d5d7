package org.waarom.api.event;

/**
 * Every kind of event the API writes, with an example of its {@code data} (shown in the OpenAPI document). Each payload
 * carries enough to act on without another call. Which record the data is ({@link org.waarom.api.common.EventData}) is
 * said above the features, by {@link PayloadTypes}: this package knows none of them.
 */
public enum EventType {
    ORGANIZATION_CREATED("organization.created", "An organisation was created",
            "{\"slug\": \"zorg-a\", \"name\": \"Zorg A\", \"defaultLanguage\": \"nl\", \"languages\": [\"nl\", \"fr\"], \"publicReads\": [], "
                    + "\"createdAt\": \"2026-01-05T09:00:00Z\", \"updatedAt\": \"2026-01-05T09:00:00Z\"}"),
    ORGANIZATION_UPDATED("organization.updated", "An organisation's name, languages or public reads changed",
            "{\"slug\": \"zorg-a\", \"name\": \"Zorg A vzw\", \"defaultLanguage\": \"nl\", \"languages\": [\"nl\", \"fr\"], "
                    + "\"publicReads\": [\"mission\", \"vision\"], \"createdAt\": \"2026-01-05T09:00:00Z\", \"updatedAt\": \"2026-02-10T14:30:00Z\"}"),
    VERSION_CREATED("element.version.created", "A new draft (also by restore)",
            "{\"element\": \"vision\", \"version\": 4, \"status\": \"DRAFT\", \"basedOn\": 3, \"changeReason\": \"Goal reached\", \"by\": \"an@zorg-a.be\"}"),
    VERSION_UPDATED("element.version.updated", "A draft was edited",
            "{\"element\": \"vision\", \"version\": 4, \"status\": \"DRAFT\", \"basedOn\": 3, \"changeReason\": \"Goal reached\", \"by\": \"an@zorg-a.be\"}"),
    VERSION_WITHDRAWN("element.version.withdrawn", "An open version was withdrawn",
            "{\"element\": \"vision\", \"version\": 4, \"status\": \"WITHDRAWN\", \"basedOn\": 3, \"changeReason\": \"Goal reached\", \"by\": \"an@zorg-a.be\"}"),
    VERSION_ADOPTED("element.version.adopted", "A version was adopted; the one it replaces is superseded",
            "{\"element\": \"values\", \"version\": 3, \"status\": \"ADOPTED\", \"basedOn\": 2, \"changeReason\": \"Respect made observable\", "
                    + "\"by\": \"board@zorg-a.be\", \"effectiveFrom\": \"2026-03-02T00:00:00Z\", \"supersedes\": 2, \"significantChange\": true, "
                    + "\"acknowledgementBasis\": 3, "
                    + "\"content\": {\"statement\": null, \"items\": [{\"key\": \"respect\", \"title\": \"Respect\", \"behaviours\": [\"We ask before we act.\"]}]}}"),
    VERSION_ACKNOWLEDGED("element.version.acknowledged", "Someone confirmed they read an adopted version (once per person and version; "
            + "repeats write no event)",
            "{\"element\": \"values\", \"version\": 3, \"acknowledgementBasis\": 3, \"person\": \"hr-1234\", \"by\": \"hr-system\", "
                    + "\"acknowledgedAt\": \"2026-03-05T08:12:00Z\"}"),
    TRANSLATION_CHANGED("element.translation.changed", "A translation of a version was written or deleted (status MISSING); "
            + "reads in that language serve it only when APPROVED",
            "{\"element\": \"values\", \"version\": 3, \"versionStatus\": \"ADOPTED\", \"language\": \"fr\", \"status\": \"APPROVED\", "
                    + "\"by\": \"vertaler@zorg-a.be\"}"),
    EASY_READ_CHANGED("element.easy-read.changed", "The easy-read text (language level B1) of a version in one language was written or deleted "
            + "(status MISSING); reads with ?variant=easy-read in that language serve it only when APPROVED",
            "{\"element\": \"values\", \"version\": 3, \"versionStatus\": \"ADOPTED\", \"language\": \"nl\", \"status\": \"APPROVED\", "
                    + "\"by\": \"redactie@zorg-a.be\"}"),
    GOAL_CREATED("goal.created", "A goal was created",
            "{\"goalId\": 12, \"kind\": \"STRATEGIC\", \"title\": \"Inclusive housing\", \"serves\": [\"vision\"], \"parentId\": null, \"status\": \"OPEN\", "
                    + "\"by\": \"an@zorg-a.be\", \"reachedAt\": null, \"cause\": null}"),
    GOAL_UPDATED("goal.updated", "A goal's title, description, owner, target date or serves changed",
            "{\"goalId\": 12, \"kind\": \"STRATEGIC\", \"title\": \"Inclusive housing\", \"serves\": [\"vision\", \"strategy\"], \"parentId\": null, "
                    + "\"status\": \"OPEN\", \"by\": \"an@zorg-a.be\", \"reachedAt\": null, \"cause\": null}"),
    GOAL_REACHED("goal.reached", "A goal was reached, by hand or automatically: the trigger for a review of what it serves",
            "{\"goalId\": 12, \"kind\": \"STRATEGIC\", \"title\": \"Inclusive housing\", \"serves\": [\"vision\"], \"parentId\": null, \"status\": \"REACHED\", "
                    + "\"by\": \"an@zorg-a.be\", \"reachedAt\": \"2026-06-30T10:00:00Z\", \"cause\": \"OPERATIONAL_GOALS\"}"),
    GOAL_REOPENED("goal.reopened", "A reached or abandoned goal was reopened",
            "{\"goalId\": 12, \"kind\": \"STRATEGIC\", \"title\": \"Inclusive housing\", \"serves\": [\"vision\"], \"parentId\": null, \"status\": \"OPEN\", "
                    + "\"by\": \"an@zorg-a.be\", \"reachedAt\": null, \"cause\": null}"),
    GOAL_ABANDONED("goal.abandoned", "A goal was abandoned",
            "{\"goalId\": 13, \"kind\": \"OPERATIONAL\", \"title\": \"Ten studios\", \"serves\": [\"vision\"], \"parentId\": 12, \"status\": \"ABANDONED\", "
                    + "\"by\": \"an@zorg-a.be\", \"reachedAt\": null, \"cause\": null}"),
    INDICATOR_CREATED("indicator.created", "An indicator was added to a goal",
            "{\"indicatorId\": 7, \"goalId\": 13, \"name\": \"Clients living in a regular street\", \"unit\": \"%\", \"baseline\": 40, \"target\": 60, "
                    + "\"direction\": \"INCREASE\", \"reason\": null, \"value\": null, \"measuredAt\": null, \"by\": \"an@zorg-a.be\"}"),
    INDICATOR_TARGET_REVISED("indicator.target.revised", "An indicator's target was revised (the old one stays in its history)",
            "{\"indicatorId\": 7, \"goalId\": 13, \"name\": \"Clients living in a regular street\", \"unit\": \"%\", \"baseline\": 40, \"target\": 70, "
                    + "\"direction\": \"INCREASE\", \"reason\": \"Raised after the first year\", \"value\": null, \"measuredAt\": null, \"by\": \"an@zorg-a.be\"}"),
    INDICATOR_MEASURED("indicator.measured", "A measurement of an indicator was recorded (whether or not it meets the target)",
            "{\"indicatorId\": 7, \"goalId\": 13, \"name\": \"Clients living in a regular street\", \"unit\": \"%\", \"baseline\": 40, \"target\": 60, "
                    + "\"direction\": \"INCREASE\", \"reason\": null, \"value\": 52, \"measuredAt\": \"2026-06-30\", \"by\": \"an@zorg-a.be\"}"),
    INDICATOR_TARGET_MET("indicator.target.met", "A measurement met an indicator's target",
            "{\"indicatorId\": 7, \"goalId\": 13, \"name\": \"Clients living in a regular street\", \"unit\": \"%\", \"target\": 60, \"value\": 61, \"measuredAt\": \"2026-06-30\"}"),
    REVIEW_POLICY_CHANGED("review-policy.changed", "An element's review policy was changed",
            "{\"organization\": \"zorg-a\", \"element\": \"vision\", \"enabled\": true, \"cycle\": \"P3Y\", \"anchorDate\": \"2025-01-01\", "
                    + "\"onGoalReached\": true, \"remindBefore\": \"P30D\", \"escalateAfter\": \"P14D\", "
                    + "\"assignees\": [{\"name\": \"An\", \"email\": \"an@zorg-a.be\"}], \"escalateTo\": [], \"custom\": true, "
                    + "\"updatedBy\": \"an@zorg-a.be\", \"updatedAt\": \"2026-01-12T09:30:00Z\"}"),
    REVIEW_TASK_CREATED("review-task.created", "A review task was created",
            "{\"id\": 31, \"organization\": \"zorg-a\", \"element\": \"vision\", \"reason\": \"GOAL_REACHED\", \"dueDate\": \"2026-07-30\", "
                    + "\"sourceKey\": \"goal:12:vision\", \"goalId\": 12, \"goalTitle\": \"Inclusive housing\", \"version\": null, \"status\": \"OPEN\", "
                    + "\"outcome\": null, \"outcomeVersion\": null, \"note\": null, \"createdBy\": \"review-scheduler\", "
                    + "\"createdAt\": \"2026-06-30T10:00:05Z\", \"closedBy\": null, \"closedAt\": null, \"reminders\": [], "
                    + "\"references\": {\"since\": \"2026-03-02\", \"count\": 2, "
                    + "\"link\": \"/api/v1/organizations/zorg-a/references?element=vision&from=2026-03-02\"}}"),
    REVIEW_TASK_COMPLETED("review-task.completed", "A review task was completed (CONFIRMED, or REVISED by an adoption)",
            "{\"id\": 31, \"organization\": \"zorg-a\", \"element\": \"vision\", \"reason\": \"GOAL_REACHED\", \"dueDate\": \"2026-07-30\", "
                    + "\"sourceKey\": \"goal:12:vision\", \"goalId\": 12, \"goalTitle\": \"Inclusive housing\", \"version\": null, \"status\": \"DONE\", "
                    + "\"outcome\": \"REVISED\", \"outcomeVersion\": 4, \"note\": \"Completed by the adoption of version 4\", "
                    + "\"createdBy\": \"review-scheduler\", \"createdAt\": \"2026-06-30T10:00:05Z\", \"closedBy\": \"board@zorg-a.be\", "
                    + "\"closedAt\": \"2026-07-21T15:00:00Z\", \"reminders\": [], \"references\": null}"),
    REVIEW_TASK_CANCELLED("review-task.cancelled", "A review task was cancelled",
            "{\"id\": 32, \"organization\": \"zorg-a\", \"element\": \"mission\", \"reason\": \"MANUAL\", \"dueDate\": \"2026-09-01\", "
                    + "\"sourceKey\": \"manual:3f1c2a9e-8d4b-4c1e-9a7f-2b6d5e8c0a14\", \"goalId\": null, \"goalTitle\": null, \"version\": null, "
                    + "\"status\": \"CANCELLED\", \"outcome\": null, \"outcomeVersion\": null, \"note\": \"Taken up in the vision review\", "
                    + "\"createdBy\": \"an@zorg-a.be\", \"createdAt\": \"2026-05-04T08:00:00Z\", \"closedBy\": \"an@zorg-a.be\", "
                    + "\"closedAt\": \"2026-05-20T11:00:00Z\", \"reminders\": [], \"references\": null}"),
    REVIEW_TASK_REMINDED("review-task.reminded", "A reminder of an open review task went out (recorded as SENT by the review-scheduler)",
            "{\"taskId\": 31, \"element\": \"vision\", \"kind\": \"UPCOMING\", \"channel\": \"EMAIL\", \"recipients\": 2}"),
    CONSULTATION_OPENED("consultation.opened", "A consultation round was opened on a draft, which is IN_CONSULTATION until the round closes",
            "{\"consultationId\": 12, \"element\": \"vision\", \"version\": 4, \"question\": \"Herken je je in deze visie?\", "
                    + "\"deadline\": \"2026-06-30T22:00:00Z\", \"audience\": [\"EMPLOYEES\", \"CLIENTS\"], \"by\": \"an@zorg-a.be\"}"),
    CONSULTATION_CLOSED("consultation.closed", "A consultation round closed, by hand (closedBy HAND) or at its deadline (DEADLINE); "
            + "its version is a DRAFT again. With the round's summary",
            "{\"consultationId\": 12, \"element\": \"vision\", \"version\": 4, \"closedAt\": \"2026-06-30T22:00:00Z\", \"closedBy\": \"DEADLINE\", "
                    + "\"by\": null, \"summary\": {\"total\": 1, \"byStance\": {\"SUPPORT\": 1, \"CONCERN\": 0, \"SUGGESTION\": 0}, "
                    + "\"byAudience\": {\"EMPLOYEES\": 1, \"CLIENTS\": 0}, \"byAnchor\": [{\"anchor\": {\"statement\": true}, \"total\": 1, "
                    + "\"byStance\": {\"SUPPORT\": 1, \"CONCERN\": 0, \"SUGGESTION\": 0}}]}}"),
    FEEDBACK_RECEIVED("feedback.received", "A participant gave feedback in a consultation round",
            "{\"consultationId\": 12, \"element\": \"vision\", \"version\": 4, \"feedbackId\": 41, \"anchor\": {\"item\": \"respect\"}, "
                    + "\"stance\": \"CONCERN\", \"audience\": \"CLIENTS\", \"by\": \"Cliëntenraad\"}"),
    FEEDBACK_CHANGED("feedback.changed", "A participant changed their feedback while the round was open",
            "{\"consultationId\": 12, \"element\": \"vision\", \"version\": 4, \"feedbackId\": 41, \"anchor\": {\"statement\": true}, "
                    + "\"stance\": \"SUGGESTION\", \"audience\": \"CLIENTS\", \"by\": \"Cliëntenraad\"}"),
    FEEDBACK_WITHDRAWN("feedback.withdrawn", "A participant withdrew their feedback while the round was open",
            "{\"consultationId\": 12, \"element\": \"vision\", \"version\": 4, \"feedbackId\": 41, \"anchor\": {\"item\": \"respect\"}, "
                    + "\"stance\": \"CONCERN\", \"audience\": \"CLIENTS\", \"by\": \"Cliëntenraad\"}"),
    REFERENCE_RECORDED("reference.recorded", "A case discussion, complaint, policy decision or team-meeting decision was recorded with what it cites",
            "{\"id\": 41, \"kind\": \"COMPLAINT\", \"title\": \"Complaint about the night shift\", \"date\": \"2026-05-04\", "
                    + "\"cites\": [{\"element\": \"values\", \"item\": \"respect\", \"version\": 3}], \"by\": \"an@zorg-a.be\"}"),
    REFERENCE_UPDATED("reference.updated", "A reference was changed by its author or an admin (its cites are resolved again for its date)",
            "{\"id\": 41, \"kind\": \"COMPLAINT\", \"title\": \"Complaint about the night shift\", \"date\": \"2026-05-04\", "
                    + "\"cites\": [{\"element\": \"values\", \"item\": \"respect\", \"version\": 3}], \"by\": \"an@zorg-a.be\"}"),
    REFERENCE_DELETED("reference.deleted", "A reference was deleted by its author or an admin",
            "{\"id\": 41, \"kind\": \"COMPLAINT\", \"title\": \"Complaint about the night shift\", \"date\": \"2026-05-04\", "
                    + "\"cites\": [{\"element\": \"values\", \"item\": \"respect\", \"version\": 3}], \"by\": \"an@zorg-a.be\"}"),
    WEBHOOK_DISABLED("webhook.disabled", "Deliveries to a webhook failed for a day (or its receiver answered 410 Gone); it was disabled",
            "{\"webhookId\": 3, \"url\": \"https://hr.example.org/waarom\", \"reason\": \"Deliveries failed since 2026-06-29T10:00:00Z; last error: HTTP 503\", "
                    + "\"lastError\": \"HTTP 503\", \"failingSince\": \"2026-06-29T10:00:00Z\"}"),
    WEBHOOK_ENABLED("webhook.enabled", "An admin enabled a disabled webhook again. It resumes where it stopped (resumedFrom WHERE_IT_STOPPED), "
            + "or, when retention removed events it had not received, from the oldest event still kept (OLDEST_KEPT_EVENT): its receiver "
            + "missed events then and should resynchronise",
            "{\"webhookId\": 3, \"url\": \"https://hr.example.org/waarom\", \"resumedFrom\": \"WHERE_IT_STOPPED\", "
                    + "\"disabledAt\": \"2026-06-30T10:00:00Z\", \"disabledReason\": \"Deliveries failed since 2026-06-29T10:00:00Z; last error: HTTP 503\", "
                    + "\"by\": \"admin@zorg-a.be\"}");

    private final String value;
    private final String description;
    private final String example;

    EventType(String value, String description, String example) {
        this.value = value;
        this.description = description;
        this.example = example;
    }

    public String value() {
        return value;
    }

    public String description() {
        return description;
    }

    /** An example of the event's {@code data}, as JSON: exactly the properties of its payload record (EventTypeExamplesTest). */
    public String example() {
        return example;
    }
}
