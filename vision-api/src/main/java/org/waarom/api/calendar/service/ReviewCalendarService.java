package org.waarom.api.calendar.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import net.fortuna.ical4j.data.CalendarOutputter;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.ComponentList;
import net.fortuna.ical4j.model.ParameterList;
import net.fortuna.ical4j.model.component.Standard;
import net.fortuna.ical4j.model.component.VAlarm;
import net.fortuna.ical4j.model.component.VEvent;
import net.fortuna.ical4j.model.component.VTimeZone;
import net.fortuna.ical4j.model.parameter.Value;
import net.fortuna.ical4j.model.property.Description;
import net.fortuna.ical4j.model.property.DtStamp;
import net.fortuna.ical4j.model.property.DtStart;
import net.fortuna.ical4j.model.property.Name;
import net.fortuna.ical4j.model.property.ProdId;
import net.fortuna.ical4j.model.property.RefreshInterval;
import net.fortuna.ical4j.model.property.TzId;
import net.fortuna.ical4j.model.property.TzName;
import net.fortuna.ical4j.model.property.TzOffsetFrom;
import net.fortuna.ical4j.model.property.TzOffsetTo;
import net.fortuna.ical4j.model.property.Uid;
import net.fortuna.ical4j.model.property.Url;
import net.fortuna.ical4j.model.property.XProperty;
import net.fortuna.ical4j.model.property.immutable.ImmutableAction;
import net.fortuna.ical4j.model.property.immutable.ImmutableCalScale;
import net.fortuna.ical4j.model.property.immutable.ImmutableTransp;
import net.fortuna.ical4j.model.property.immutable.ImmutableVersion;
import net.fortuna.ical4j.validate.ValidationException;
import net.fortuna.ical4j.validate.ValidationResult;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.element.ElementType;
import org.waarom.api.organization.rest.OrganizationView;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.review.rest.ReviewPolicyView;
import org.waarom.api.review.rest.ReviewTaskView;
import org.waarom.api.review.service.ReviewPolicyService;
import org.waarom.api.review.service.ReviewTaskViews;

import java.io.IOException;
import java.io.StringWriter;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.Period;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The organisation's open review tasks as an iCalendar feed (RFC 5545), written by ical4j, which
 * escapes the stored texts (commas, semicolons, newlines) and folds long lines. One all-day event per
 * open task on its due date, with a stable UID and an alarm at the policy's {@code remindBefore}.
 * The same data always gives the same bytes (DTSTAMP is when the event's data last changed, not
 * "now"), so the ETag is a hash of the body and a client polling an unchanged feed gets 304.
 * <p>
 * A feed read with a calendar feed token links each event to its review page, and every event to the overview of the open
 * reviews, both opened with that same token ({@link PageLinks}): whoever reads the feed holds the token already, and it
 * only reads. A feed read with an {@code Authorization} header has no link to give: that credential never goes in a URL.
 */
@ApplicationScoped
public class ReviewCalendarService {

    static final String PRODUCT_ID = "-//Waarom//Review tasks//EN";
    /** How often calendar clients should fetch the feed again (REFRESH-INTERVAL, X-PUBLISHED-TTL). */
    static final Duration REFRESH = Duration.ofHours(1);

    /** A rendered feed and its strong ETag. */
    public record ReviewCalendar(byte[] body, String etag) {
    }

    /**
     * Where a feed read with a calendar feed token links: the review pages of its organisation, opened with that token
     * (docs/review-page.md: a calendar feed's token opens the overview, and every open review's page to read).
     *
     * @param base  the service's base URI, ending in a slash
     * @param token the calendar feed token the feed was read with
     */
    public record PageLinks(String base, String token) {

        /** The review page of one task. */
        public String review(String org, long task) {
            return base + "pages/" + encode(org) + "/review-tasks/" + task + "?token=" + encode(token);
        }

        /** The overview of the organisation's open reviews. */
        public String overview(String org) {
            return base + "pages/" + encode(org) + "/reviews?token=" + encode(token);
        }

        private static String encode(String value) {
            return URLEncoder.encode(value, StandardCharsets.UTF_8);
        }
    }

    private final OrganizationService organizations;
    private final ReviewPolicyService policies;
    private final ReviewTaskViews tasks;

    ReviewCalendarService(OrganizationService organizations, ReviewPolicyService policies, ReviewTaskViews tasks) {
        this.organizations = organizations;
        this.policies = policies;
        this.tasks = tasks;
    }

    /** The feed of the organisation's open review tasks; with {@code links} (a feed token's read), each event links to its page. */
    @Transactional
    public ReviewCalendar calendar(String org, Optional<PageLinks> links) {
        OrganizationView organization = organizations.get(org).value();
        Map<String, ReviewPolicyView> policyByElement = policies.policies(org).stream()
                .collect(Collectors.toMap(ReviewPolicyView::element, Function.identity()));
        String title = organization.name() + " – review tasks";
        Calendar calendar = new Calendar();
        calendar.add(new ProdId(PRODUCT_ID));
        calendar.add(ImmutableVersion.VERSION_2_0);
        calendar.add(ImmutableCalScale.GREGORIAN);
        // NAME and REFRESH-INTERVAL are RFC 7986; Outlook and Apple read the older X-WR-CALNAME and X-PUBLISHED-TTL.
        calendar.add(new Name(title));
        calendar.add(new XProperty("X-WR-CALNAME", title));
        calendar.add(new RefreshInterval(new ParameterList(List.of(Value.DURATION)), REFRESH));
        calendar.add(new XProperty("X-PUBLISHED-TTL", REFRESH.toString()));
        List<ReviewTaskView> open = tasks.openTasks(org);
        for (ReviewTaskView task : open) {
            calendar.add(event(organization, policyByElement.get(task.element()), task, links));
        }
        if (open.isEmpty()) {
            // RFC 5545 wants at least one component in a calendar; with no open task it holds the UTC zone only.
            calendar.add(utc());
        }
        byte[] body = write(calendar);
        return new ReviewCalendar(body, EntityTags.strong("ics-" + sha256(body).substring(0, 32)));
    }

    private static VEvent event(OrganizationView organization, ReviewPolicyView policy, ReviewTaskView task, Optional<PageLinks> links) {
        LocalDate due = task.dueDate();
        // All-day (VALUE=DATE) on the due date; DTEND is exclusive, so the next day.
        VEvent event = new VEvent(due, due.plusDays(1), "Review: " + task.element() + " (" + organization.name() + ")");
        event.replace(new DtStamp(lastChange(organization, policy, task)));
        event.add(new Uid("review-task-" + task.id() + "@" + organization.slug() + ".waarom"));
        event.add(new Description(description(organization, policy, task, links)));
        // URL (RFC 5545 3.8.4.6): clients that show it offer the review page as the event's link.
        links.ifPresent(pages -> event.add(new Url(URI.create(pages.review(organization.slug(), task.id())))));
        // A due date is a deadline, not an appointment: it must not show the whole day as busy.
        event.add(ImmutableTransp.TRANSPARENT);
        event.add(alarm(organization, policy, task));
        return event;
    }

    /** When what the event shows last changed: the task (open tasks do not change), the organisation's name, the policy. */
    private static Instant lastChange(OrganizationView organization, ReviewPolicyView policy, ReviewTaskView task) {
        return Stream.of(task.createdAt(), organization.updatedAt(), policy.updatedAt())
                .filter(java.util.Objects::nonNull)
                .max(Instant::compareTo)
                .orElseThrow()
                .truncatedTo(ChronoUnit.SECONDS);
    }

    /** Reminds at the policy's remindBefore, in whole days before the due date (iCalendar durations have no months or years). */
    private static VAlarm alarm(OrganizationView organization, ReviewPolicyView policy, ReviewTaskView task) {
        Period remindBefore = Period.parse(policy.remindBefore());
        long days = ChronoUnit.DAYS.between(task.dueDate().minus(remindBefore), task.dueDate());
        VAlarm alarm = new VAlarm(Period.ofDays((int) -days));
        alarm.add(ImmutableAction.DISPLAY);
        alarm.add(new Description("The review of the " + task.element() + " of " + organization.name() + " is due on " + task.dueDate()));
        return alarm;
    }

    private static String description(OrganizationView organization, ReviewPolicyView policy, ReviewTaskView task, Optional<PageLinks> links) {
        ElementType type = ElementType.fromPath(task.element()).orElseThrow();
        String element = task.element();
        String why = switch (task.reason()) {
            case CYCLE -> "the " + element + "'s review cycle (every " + policy.cycle() + ") has come round.";
            case GOAL_REACHED -> "goal " + task.goalId() + ", which the " + element + " serves, was reached.";
            case VISION_CHANGED -> "version " + task.version() + " of the vision was adopted; the " + element + " follows the vision.";
            case MANUAL -> "asked for by " + task.createdBy() + ".";
        };
        StringBuilder text = new StringBuilder()
                .append("Review the ").append(element).append(" by ").append(task.dueDate()).append(".\n")
                .append("Why: ").append(why).append('\n');
        if (task.note() != null && !task.note().isBlank()) {
            text.append("Note: ").append(task.note()).append('\n');
        }
        text.append("What to do: read the current ").append(element).append(" against its guiding question (")
                .append(type.questionEn()).append("). If it still holds, complete the review as CONFIRMED with a note; ")
                .append("if it needs to change, draft a new version and adopt it, which completes the review as REVISED.\n")
                .append("Review task ").append(task.id()).append(" (").append(task.sourceKey()).append(")");
        // Many clients show the description and not the URL property: the links go here too. The feed's token only reads,
        // so the page says where to decide (the link in the reminder e-mail, or the API).
        links.ifPresent(pages -> text.append("\nThe review page (to read): ").append(pages.review(organization.slug(), task.id()))
                .append("\nAll open reviews: ").append(pages.overview(organization.slug())));
        return text.toString();
    }

    /** A time zone without offsets or changes: UTC, the zone the feed's timestamps are written in. */
    private static VTimeZone utc() {
        Standard standard = new Standard();
        standard.add(new DtStart<>(LocalDateTime.of(1970, 1, 1, 0, 0)));
        standard.add(new TzOffsetFrom(ZoneOffset.UTC));
        standard.add(new TzOffsetTo(ZoneOffset.UTC));
        standard.add(new TzName("UTC"));
        VTimeZone zone = new VTimeZone(new ComponentList<>(List.of(standard)));
        zone.add(new TzId("UTC"));
        return zone;
    }

    /**
     * Writes the calendar after validating it: what we publish is valid iCalendar, or the request
     * fails loudly instead of confusing clients. (ical4j's own validating writer only logs a warning.)
     */
    private static byte[] write(Calendar calendar) {
        StringWriter out = new StringWriter();
        try {
            ValidationResult result = calendar.validate();
            if (result.hasErrors()) {
                throw new IllegalStateException("The review calendar is not valid iCalendar: " + result);
            }
            new CalendarOutputter(false).output(calendar, out);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (ValidationException e) {
            throw new IllegalStateException("The review calendar is not valid iCalendar", e);
        }
        return out.toString().getBytes(StandardCharsets.UTF_8);
    }

    private static String sha256(byte[] body) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(body));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is part of every Java runtime", e);
        }
    }
}
