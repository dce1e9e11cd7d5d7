package org.waarom.api.calendar.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.security.AcceptsToken;
import org.waarom.api.security.Caller;
import org.waarom.api.security.CapabilityTokens;

import java.util.Map;
import java.util.Optional;

/** Calendar feed tokens, valid for the review calendar of their own organisation ({@link CalendarFeedService#authenticate}). */
@ApplicationScoped
class CalendarFeedTokens implements CapabilityTokens {

    private final CalendarFeedService feeds;

    CalendarFeedTokens(CalendarFeedService feeds) {
        this.feeds = feeds;
    }

    @Override
    public AcceptsToken.Kind kind() {
        return AcceptsToken.Kind.CALENDAR_FEED;
    }

    @Override
    public Optional<Caller> resolve(Map<String, String> path, String token) {
        return feeds.authenticate(token, path.get("org"));
    }
}
