package org.waarom.scheduler.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

import java.util.List;

/** One page of {@code GET /api/v1/review-tasks} (page from 0, size, total; docs/api-guide.md#conventions). */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewTaskPage(List<ReviewTask> items, int page, int size, long total) {

    public ReviewTaskPage {
        items = items == null ? List.of() : List.copyOf(items);
    }

    /** Whether another page may follow: this one was not empty and did not reach the total. */
    public boolean hasNext() {
        return !items.isEmpty() && (long) (page + 1) * Math.max(size, items.size()) < total;
    }
}
