package org.waarom.scheduler.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/**
 * One page of {@code GET /api/v1/events}: the events after the cursor that was asked for, and the
 * opaque cursor to ask with next.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record FeedPage(List<FeedEvent> items, String next) {

    public FeedPage {
        items = items == null ? List.of() : List.copyOf(items);
    }
}
