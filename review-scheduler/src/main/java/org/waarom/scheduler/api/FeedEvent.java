package org.waarom.scheduler.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;

import java.time.Instant;

/**
 * One event of the vision-api's feed. {@code data} stays a JSON tree: each event type has its own
 * payload, and the scheduler reads only the few fields it needs.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedEvent(long id, String type, String organization, Instant occurredAt, JsonNode data) {

    public static final String GOAL_REACHED = "goal.reached";
    public static final String ELEMENT_VERSION_ADOPTED = "element.version.adopted";
    public static final String REVIEW_POLICY_CHANGED = "review-policy.changed";

    public FeedEvent {
        data = data == null ? MissingNode.getInstance() : data;
    }
}
