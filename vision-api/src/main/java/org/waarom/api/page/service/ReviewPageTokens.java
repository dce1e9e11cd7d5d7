package org.waarom.api.page.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.waarom.api.calendar.service.CalendarFeedService;
import org.waarom.api.review.ReviewTask;
import org.waarom.api.review.service.ReviewLinkService;
import org.waarom.api.security.AcceptsToken;
import org.waarom.api.security.Caller;
import org.waarom.api.security.CapabilityTokens;

import java.util.Map;
import java.util.Optional;

/**
 * The tokens that open the review pages (docs/review-page.md): a review link ({@code wrev_…}) opens its own task's page
 * and the overview of its organisation ({@link ReviewLinkService}); a calendar feed's token ({@code wcal_…}) opens the
 * overview and, to read, the page of any open task of its organisation. A path with a task {@code id} is a review page,
 * one without is the overview. No API endpoint accepts these tokens.
 */
@ApplicationScoped
class ReviewPageTokens implements CapabilityTokens {

    private final ReviewLinkService links;
    private final CalendarFeedService feeds;

    ReviewPageTokens(ReviewLinkService links, CalendarFeedService feeds) {
        this.links = links;
        this.feeds = feeds;
    }

    @Override
    public AcceptsToken.Kind kind() {
        return AcceptsToken.Kind.REVIEW_LINK;
    }

    @Override
    public Optional<Caller> resolve(Map<String, String> path, String token) {
        return Optional.empty();
    }

    @Override
    @Transactional
    public Optional<Caller> admitToPage(Map<String, String> path, String token) {
        String org = path.get("org");
        String task = path.get("id");
        boolean calendarFeed = token.startsWith(CalendarFeedService.PREFIX);
        if (task == null) {
            return calendarFeed ? feeds.authenticate(token, org) : links.admitToOverview(token, org);
        }
        return calendarFeed ? feeds.authenticate(token, org).filter(feed -> openTask(org, task)) : links.admitToPage(token, org, task);
    }

    /** Whether {@code id} is an open review task of the organisation: a calendar feed reads no other. */
    private static boolean openTask(String org, String id) {
        try {
            return ReviewTask.count("id = ?1 and organization.slug = ?2 and status = ?3", Long.parseLong(id), org, ReviewTask.Status.OPEN) == 1;
        } catch (NumberFormatException notAnId) {
            return false;
        }
    }
}
