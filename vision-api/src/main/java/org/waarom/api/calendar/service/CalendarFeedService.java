package org.waarom.api.calendar.service;

import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.waarom.api.calendar.CalendarFeed;
import org.waarom.api.calendar.rest.CalendarFeedView;
import org.waarom.api.calendar.rest.CreateCalendarFeedRequest;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.Caller;
import org.waarom.api.security.CurrentActor;
import org.waarom.api.security.IssuedToken;
import org.waarom.api.security.SecretTokens;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Calendar feed tokens: personal and revocable, made and kept as API keys are ({@link SecretTokens}:
 * 256 random bits behind {@value #PREFIX}, shown once, stored as a SHA-256), but granting nothing
 * except the review-task feed of their own organisation. Everyone manages their own feeds; an
 * organisation's admin manages all of them. Someone else's feed answers 404, as if it did not exist.
 */
@ApplicationScoped
public class CalendarFeedService {

    public static final String PREFIX = "wcal_";

    private final OrganizationService organizations;
    private final CurrentActor actor;
    private final Clock clock;

    CalendarFeedService(OrganizationService organizations, CurrentActor actor, Clock clock) {
        this.organizations = organizations;
        this.actor = actor;
        this.clock = clock;
    }

    /** A new feed of the caller's; the answer holds the token, this once. */
    @Transactional
    public CalendarFeedView create(String org, CreateCalendarFeedRequest request) {
        Organization organization = organizations.require(org);
        Caller caller = caller();
        String token = SecretTokens.generate(PREFIX);
        CalendarFeed feed = new CalendarFeed();
        feed.organization = organization;
        feed.name = request.name().strip();
        feed.owner = caller.name();
        feed.ownerCredential = caller.credential();
        feed.tokenHash = SecretTokens.hash(token);
        feed.createdAt = Instant.now(clock);
        feed.persist();
        return view(feed, token);
    }

    /** The caller's own feeds that are not revoked; an admin's list holds everyone's. Never with a token. */
    @Transactional
    public Page<CalendarFeedView> list(String org, PageRequest page) {
        Organization organization = organizations.require(org);
        Caller caller = caller();
        StringBuilder query = new StringBuilder("organization = :organization and revokedAt is null");
        Parameters parameters = Parameters.with("organization", organization);
        if (!caller.isAdminOf(org)) {
            query.append(" and ownerCredential = :owner");
            parameters.and("owner", caller.credential());
        }
        var found = CalendarFeed.<CalendarFeed>find(query.toString(), Sort.by("id"), parameters);
        List<CalendarFeedView> items = found.page(page.page(), page.size()).list().stream().map(feed -> view(feed, null)).toList();
        return Page.of(items, page, found.count());
    }

    /** One feed the caller may see (its own, or any as admin), without its token. */
    @Transactional
    public CalendarFeedView get(String org, long id) {
        return view(require(org, id), null);
    }

    /** Revokes a feed: its token answers 401 from now on, and the feed leaves the list. */
    @Transactional
    public void revoke(String org, long id) {
        CalendarFeed feed = require(org, id);
        feed.revoke(caller().name(), Instant.now(clock));
    }

    /**
     * The caller a feed token stands for on the feed of {@code org}: present only for a token we
     * issued, not revoked, of that very organisation. Records the use (to the minute).
     */
    @Transactional
    public Optional<Caller> authenticate(String presented, String org) {
        if (!IssuedToken.plausible(presented, PREFIX) || org == null) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(presented);
        Optional<CalendarFeed> found = CalendarFeed.<CalendarFeed>find("tokenHash", hash).firstResultOptional()
                .filter(feed -> feed.admits(hash))
                .filter(feed -> feed.organization.slug.equals(org));
        found.ifPresent(feed -> feed.recordUse(Instant.now(clock)));
        // No roles: AccessFilter lets it through on the feed alone, and it holds no permission anywhere else.
        return found.map(feed -> new Caller(feed.owner, "calendar-feed:" + feed.id, Set.of(), Map.of()));
    }

    /** A feed of the organisation that is not revoked and that the caller may manage, or 404. */
    private CalendarFeed require(String org, long id) {
        Organization organization = organizations.require(org);
        Caller caller = caller();
        return CalendarFeed.<CalendarFeed>findByIdOptional(id)
                .filter(feed -> feed.organization.id.equals(organization.id))
                .filter(feed -> feed.revokedAt == null)
                .filter(feed -> caller.isAdminOf(org) || feed.ownerCredential.equals(caller.credential()))
                .orElseThrow(() -> notFound(id));
    }

    public static NotFoundException notFound(Object id) {
        return new NotFoundException("There is no calendar feed " + id);
    }

    private Caller caller() {
        return actor.caller().orElse(CurrentActor.SYSTEM);
    }

    private static CalendarFeedView view(CalendarFeed feed, String token) {
        return new CalendarFeedView(feed.id, feed.name, feed.owner, token, null, null, feed.createdAt, feed.lastUsedAt);
    }
}
