package org.waarom.scheduler.api;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;

/**
 * A review link as the vision-api answers it when a reminder is recorded (or its links are made again): the page of the
 * task for one recipient, with its token in the query. Shown once by the API; the scheduler puts it in that reminder's
 * message and keeps it nowhere.
 */
@JsonIgnoreProperties(ignoreUnknown = true)
public record ReviewLink(long id, Recipient recipient, String link) {

    /** The same token opens the recipient's overview of the organisation's open reviews (read-only). */
    public String overview() {
        int query = link.indexOf('?');
        int tasks = link.lastIndexOf("/review-tasks/", query);
        return tasks < 0 ? link : link.substring(0, tasks) + "/reviews" + link.substring(query);
    }
}
