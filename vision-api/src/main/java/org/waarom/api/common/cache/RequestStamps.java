package org.waarom.api.common.cache;

import jakarta.enterprise.context.RequestScoped;

import java.util.OptionalLong;

/**
 * The organisation stamp a request has already read: the API-key check reads the key and the stamp
 * of the organisation in the path with one query (see {@code ApiKeyLookup}), and the request's read
 * then needs no second query. That query started after the request arrived, which is all that a
 * stamp needs to be fresh enough for this request (see {@link CoalescedLookup}).
 */
@RequestScoped
public class RequestStamps {

    private String organization;
    private long stamp;

    /** Remembers that {@code organization}'s stamp, read during this request, was {@code stamp}. */
    public void remember(String organization, long stamp) {
        this.organization = organization;
        this.stamp = stamp;
    }

    /** The stamp of {@code organization} this request read already, if it did. */
    OptionalLong of(String organization) {
        return organization != null && organization.equals(this.organization) ? OptionalLong.of(stamp) : OptionalLong.empty();
    }
}
