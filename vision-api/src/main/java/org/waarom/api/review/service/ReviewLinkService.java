package org.waarom.api.review.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.review.ReviewLink;
import org.waarom.api.review.ReviewReminder;
import org.waarom.api.review.ReviewTask;
import org.waarom.api.review.rest.ReminderRecipient;
import org.waarom.api.review.rest.ReviewLinkView;
import org.waarom.api.security.Caller;
import org.waarom.api.security.CurrentActor;
import org.waarom.api.security.IssuedToken;
import org.waarom.api.security.SecretTokens;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Review links (docs/review-page.md): made as API keys are ({@link SecretTokens}: 256 random bits behind {@value #PREFIX},
 * shown once, stored as a SHA-256), one per recipient of a reminder, in the transaction that records the reminder. A link
 * opens the review page of its own task, in its own organisation, while the task is open and the link not revoked, and
 * acts there as its recipient (credential {@code review-link:<id>}); it grants nothing else.
 */
@ApplicationScoped
public class ReviewLinkService {

    public static final String PREFIX = "wrev_";
    /** How the audit log names a link's credential: this, then the link's id. */
    public static final String CREDENTIAL_PREFIX = "review-link:";

    private final OrganizationService organizations;
    private final CurrentActor actor;
    private final Clock clock;

    ReviewLinkService(OrganizationService organizations, CurrentActor actor, Clock clock) {
        this.organizations = organizations;
        this.actor = actor;
        this.clock = clock;
    }

    /**
     * One link per recipient (by e-mail, once each) for the message of {@code reminder} to that recipient alone, except for
     * recipients whose message already went out ({@link #delivered}): their link stays as it is. Undelivered links it had
     * before are revoked. The answer holds the new tokens, this once: exactly the recipients still to be sent to.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    List<ReviewLinkView> issue(ReviewReminder reminder, List<ReminderRecipient> recipients) {
        Instant now = Instant.now(clock);
        Set<String> seen = new HashSet<>();
        for (ReviewLink earlier : ReviewLink.<ReviewLink>list("reminder = ?1 and revokedAt is null", reminder)) {
            if (earlier.deliveredAt != null) {
                seen.add(earlier.recipientEmail.toLowerCase(Locale.ROOT));
            } else {
                earlier.revoke(actor.name(), now);
            }
        }
        List<ReviewLinkView> issued = new ArrayList<>();
        for (ReminderRecipient recipient : recipients) {
            if (!seen.add(recipient.email().toLowerCase(Locale.ROOT))) {
                continue;
            }
            String token = SecretTokens.generate(PREFIX);
            ReviewLink link = new ReviewLink();
            link.task = reminder.task;
            link.reminder = reminder;
            link.recipientName = recipient.name();
            link.recipientEmail = recipient.email();
            link.tokenHash = SecretTokens.hash(token);
            link.createdAt = now;
            link.persist();
            issued.add(view(link, token));
        }
        return issued;
    }

    /** The task's links that work, oldest first; never with a token. */
    @Transactional
    public Page<ReviewLinkView> links(String org, long taskId, PageRequest page) {
        ReviewTask task = ReviewTaskViews.require(organizations.require(org), taskId);
        var found = ReviewLink.<ReviewLink>find("task = ?1 and revokedAt is null", Sort.by("id"), task);
        return Page.of(found.page(page.page(), page.size()).list().stream().map(link -> view(link, null)).toList(), page, found.count());
    }

    /**
     * Records that the message with link {@code linkId} of reminder {@code reminderId} went out to its recipient: sending the
     * reminder again skips them. Repeating it changes nothing; an unknown or revoked link of the reminder is 404.
     */
    @Transactional
    public ReviewLinkView delivered(String org, long taskId, long reminderId, long linkId) {
        ReviewTask task = ReviewTaskViews.require(organizations.require(org), taskId);
        ReviewLink link = ReviewLink.<ReviewLink>find("id = ?1 and task = ?2 and reminder.id = ?3 and revokedAt is null", linkId, task, reminderId)
                .firstResultOptional()
                .orElseThrow(() -> new NotFoundException("Reminder " + reminderId + " of review task " + taskId + " has no link " + linkId));
        if (link.deliveredAt == null) {
            link.deliveredAt = Instant.now(clock);
        }
        return view(link, null);
    }

    /** Revokes a link: it opens nothing from now on. A revoked or unknown link is 404. */
    @Transactional
    public void revoke(String org, long taskId, long linkId) {
        ReviewTask task = ReviewTaskViews.require(organizations.require(org), taskId);
        ReviewLink link = ReviewLink.<ReviewLink>find("id = ?1 and task = ?2 and revokedAt is null", linkId, task).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("Review task " + taskId + " has no link " + linkId));
        link.revoke(actor.name(), Instant.now(clock));
    }

    /**
     * The recipient a link stands for on the review page of task {@code taskId} of {@code org}: present only for a link we
     * made, not revoked, of that very task and organisation, while the task is open. Records the use (to the minute).
     */
    @Transactional
    public Optional<Caller> admitToPage(String presented, String org, String taskId) {
        return find(presented, org).filter(link -> link.task.id.toString().equals(taskId)).map(this::used);
    }

    /** As {@link #admitToPage}, for the recipient's overview of the open reviews of the link's organisation. */
    @Transactional
    public Optional<Caller> admitToOverview(String presented, String org) {
        return find(presented, org).map(this::used);
    }

    /** The link behind a caller that came with one. */
    public static Optional<ReviewLink> of(Caller caller) {
        if (!caller.credential().startsWith(CREDENTIAL_PREFIX)) {
            return Optional.empty();
        }
        return ReviewLink.findByIdOptional(Long.parseLong(caller.credential().substring(CREDENTIAL_PREFIX.length())));
    }

    private Optional<ReviewLink> find(String presented, String org) {
        if (!IssuedToken.plausible(presented, PREFIX) || org == null) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(presented);
        return ReviewLink.<ReviewLink>find("tokenHash", hash).firstResultOptional()
                .filter(link -> link.admits(hash))
                .filter(link -> link.task.organization.slug.equals(org))
                // Valid until the task is closed: a decided review is no longer the link's business.
                .filter(link -> link.task.status == ReviewTask.Status.OPEN);
    }

    private Caller used(ReviewLink link) {
        link.recordUse(Instant.now(clock));
        // No roles: AccessFilter lets it through on the link alone, and it holds no permission anywhere else.
        return new Caller(link.recipient(), CREDENTIAL_PREFIX + link.id, Set.of(), Map.of());
    }

    static ReviewLinkView view(ReviewLink link, String token) {
        return new ReviewLinkView(link.id, link.reminder == null ? null : link.reminder.id,
                new ReminderRecipient(link.recipientName, link.recipientEmail), token, null, link.createdAt, link.lastUsedAt, link.deliveredAt);
    }
}
