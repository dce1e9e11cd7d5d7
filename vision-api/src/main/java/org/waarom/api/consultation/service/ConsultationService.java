package org.waarom.api.consultation.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.waarom.api.common.InstantRange;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.common.config.ScheduledWork;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.consultation.Consultation;
import org.waarom.api.consultation.Feedback;
import org.waarom.api.consultation.rest.ConsultationView;
import org.waarom.api.consultation.rest.OpenConsultationRequest;
import org.waarom.api.element.ConsultationStatus;
import org.waarom.api.element.Element;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.VersionStatus;
import org.waarom.api.element.service.VersionChangeStarting;
import org.waarom.api.element.service.VersionMapper;
import org.waarom.api.element.service.VersionService;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.CurrentActor;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;

/**
 * Consultation rounds (docs/api-guide.md#consultation-rounds-drafting-the-text-together): opening one on a draft
 * (the version becomes IN_CONSULTATION and
 * cannot be edited, withdrawn or adopted), reading them, and closing one, by hand or at its
 * deadline (the version becomes a DRAFT again, to work the feedback in, and can then be adopted; the round
 * stays attached to it). Feedback while a round is open is {@link FeedbackService}; how a round reads, with its
 * summary, is {@link ConsultationViews}.
 *
 * <p><b>The deadline.</b> A round whose deadline has passed <em>reads</em> as closed at its deadline (and its
 * version as a draft again, see {@code VersionMapper.closedUnrecorded}) from that moment on; reads never write.
 * The minutely sweep records the closing and its {@code consultation.closed} event, so the event follows the
 * deadline closely; a change that depends on the round being closed (editing or adopting its version, opening
 * another round, closing it by hand) records it first, in the change's transaction ({@link #closeDue}). The version's
 * ETag as read counts an unrecorded closing as the revision that records it, so it is the same before and after.
 *
 * <p><b>Locks.</b> Opening and closing lock the element's row first (as every version change does), then
 * the round's; giving feedback ({@link FeedbackService}) locks the round's row only, so feedback never lands in a round
 * that a concurrent close has closed.
 */
@ApplicationScoped
public class ConsultationService {

    private final OrganizationService organizations;
    private final EventService events;
    private final CurrentActor actor;
    private final Clock clock;
    private final ScheduledWork scheduledWork;

    ConsultationService(OrganizationService organizations, EventService events, CurrentActor actor, Clock clock, ScheduledWork scheduledWork) {
        this.organizations = organizations;
        this.events = events;
        this.actor = actor;
        this.clock = clock;
        this.scheduledWork = scheduledWork;
    }

    /** Opens a round on draft {@code number}; {@code ifMatch} is the version's ETag, as for every change of a version. */
    @Transactional
    public ConsultationView open(String org, ElementType type, int number, String ifMatch, OpenConsultationRequest request) {
        Organization organization = organizations.require(org);
        closeDue(organization);
        Element element = Element.locked(organization, type);
        ElementVersion version = VersionService.version(element, number);
        EntityTags.requireMatch(ifMatch, VersionMapper.etag(version));
        if (version.status != VersionStatus.DRAFT) {
            throw new ConflictException(version.status == VersionStatus.IN_CONSULTATION
                    ? "Version " + number + " of the " + type.path() + " is in consultation already; one round per version is open at a time. "
                    + "Close that round first (POST …/consultations/{id}/close)"
                    : "Version " + number + " of the " + type.path() + " is " + version.status + "; only a draft can be consulted on");
        }
        Instant now = Instant.now(clock);
        Instant deadline = InstantRange.require("deadline", request.deadline()).truncatedTo(ChronoUnit.MICROS);
        if (!deadline.isAfter(now)) {
            throw new InvalidRequestException("deadline", "must lie in the future (it is " + now + " now)");
        }
        Consultation consultation = new Consultation();
        consultation.organization = organization;
        consultation.version = version;
        consultation.question = request.question().strip();
        consultation.deadline = deadline;
        consultation.audiences(request.audience());
        consultation.status = ConsultationStatus.OPEN;
        consultation.openedBy = actor.name();
        consultation.openedAt = now;
        consultation.persist();
        version.status = VersionStatus.IN_CONSULTATION;
        version.updatedBy = actor.name();
        version.updatedAt = now;
        Consultation.flush();
        events.record(organization, EventType.CONSULTATION_OPENED, new ConsultationOpening(consultation.id, type.path(), version.number,
                consultation.question, consultation.deadline, consultation.audiences(), actor.name()));
        return view(consultation, List.of(), false);
    }

    /** Closes an open round by hand; its version becomes a draft again. 409 when it is closed already (by its deadline too). */
    @Transactional
    public ConsultationView close(String org, long id) {
        Consultation consultation = require(org, id);
        if (consultation.closedUnrecordedAt(Instant.now(clock))) {
            close(consultation, null);
        }
        if (consultation.status == ConsultationStatus.CLOSED || !close(consultation, actor.name())) {
            throw new ConflictException("Consultation round " + id + " closed at " + consultation.closedAt
                    + (consultation.closedBy == null ? " (its deadline)" : " (by " + consultation.closedBy + ")"));
        }
        return view(consultation, feedbackOf(consultation), true);
    }

    /** One round with its summary and every feedback. Reads only. */
    @Transactional
    public ConsultationView get(String org, long id) {
        Consultation consultation = require(org, id);
        return view(consultation, feedbackOf(consultation), true);
    }

    /** The organisation's rounds, newest first, optionally of one status (as read now) and of one version. Reads only. */
    @Transactional
    public Page<ConsultationView> list(String org, ConsultationStatus status, ElementType type, Integer number, PageRequest page) {
        Organization organization = organizations.require(org);
        StringBuilder query = new StringBuilder("organization = :organization");
        Parameters parameters = Parameters.with("organization", organization);
        if (type != null) {
            ElementVersion version = VersionService.version(Element.of(organization, type), number);
            query.append(" and version = :version");
            parameters.and("version", version);
        }
        if (status != null) {
            // As read now: a round past its deadline is closed, recorded or not.
            query.append(status == ConsultationStatus.OPEN ? " and status = :open and deadline > :now" : " and (status <> :open or deadline <= :now)");
            parameters.and("open", ConsultationStatus.OPEN).and("now", Instant.now(clock));
        }
        var found = Consultation.<Consultation>find(query.toString(), Sort.descending("id"), parameters);
        List<ConsultationView> items = found.page(page.page(), page.size()).list().stream()
                .map(consultation -> view(consultation, feedbackOf(consultation), false)).toList();
        return Page.of(items, page, found.count());
    }

    /** Before a change of the organisation's versions, in its transaction: what it sees and does is as of now. */
    @Transactional(Transactional.TxType.MANDATORY)
    void closeDueBeforeVersionChange(@Observes VersionChangeStarting starting) {
        closeDue(starting.organization());
    }

    /**
     * Closes the organisation's rounds whose deadline has passed, in the caller's (writing) transaction, before it
     * changes versions or rounds, so that what it sees and does is as of now.
     */
    private void closeDue(Organization organization) {
        List<Consultation> due = Consultation.list("organization = ?1 and status = ?2 and deadline <= ?3", Sort.by("id"),
                organization, ConsultationStatus.OPEN, Instant.now(clock));
        due.forEach(consultation -> close(consultation, null));
    }

    /** The identity of the minutely sweep, e.g. to pause it ({@code Scheduler.pause}). */
    public static final String DEADLINE_SWEEP = "consultation-deadline-sweep";

    /**
     * Records the closing of every round whose deadline has passed, each in its own transaction, so that its event goes
     * out even if nobody changes anything: until then the round only reads as closed.
     */
    @Scheduled(identity = DEADLINE_SWEEP, every = "1m", delayed = "30s", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void closeDueRounds() {
        scheduledWork.run("Closing overdue consultation rounds", this::closeDueRoundsNow);
    }

    private void closeDueRoundsNow() {
        List<Long> due = QuarkusTransaction.requiringNew().call(() -> Consultation.<Consultation>list("status = ?1 and deadline <= ?2", Sort.by("id"),
                ConsultationStatus.OPEN, Instant.now(clock)).stream().map(consultation -> consultation.id).toList());
        for (Long id : due) {
            QuarkusTransaction.requiringNew().run(() -> Consultation.<Consultation>findByIdOptional(id).ifPresent(consultation -> close(consultation, null)));
        }
    }

    public static NotFoundException notFound(Object id) {
        return new NotFoundException("There is no consultation round " + id);
    }

    /**
     * Closes an open round under the element's lock (taken first, as by every version change), by {@code by}, or by its
     * deadline when null; its version becomes a draft again. False when it was closed meanwhile.
     */
    private boolean close(Consultation consultation, String by) {
        ElementVersion version = consultation.version;
        Element.locked(version.element.id);
        Consultation.getEntityManager().refresh(consultation, LockModeType.PESSIMISTIC_WRITE);
        if (consultation.status != ConsultationStatus.OPEN) {
            return false;
        }
        Consultation.getEntityManager().refresh(version);
        Instant now = Instant.now(clock);
        consultation.status = ConsultationStatus.CLOSED;
        consultation.closedBy = by;
        consultation.closedAt = by == null ? consultation.deadline : now;
        if (version.status == VersionStatus.IN_CONSULTATION) {
            // At its deadline, recorded as it read since then (VersionMapper.view): changed by the system, at the deadline.
            version.status = VersionStatus.DRAFT;
            version.updatedBy = by == null ? CurrentActor.SYSTEM.name() : by;
            version.updatedAt = consultation.closedAt;
        }
        Consultation.flush();
        events.record(consultation.organization, EventType.CONSULTATION_CLOSED, new ConsultationClosing(consultation.id,
                version.element.type.path(), version.number, consultation.closedAt,
                by == null ? ConsultationClosing.ClosedBy.DEADLINE : ConsultationClosing.ClosedBy.HAND, by,
                ConsultationViews.summary(consultation, feedbackOf(consultation))));
        return true;
    }

    /** Round {@code id} of the organisation, or 404. */
    private Consultation require(String org, long id) {
        return require(organizations.require(org), id);
    }

    /** Round {@code id} of {@code organization}, or 404. */
    static Consultation require(Organization organization, long id) {
        return Consultation.<Consultation>findByIdOptional(id)
                .filter(found -> found.organization.id.equals(organization.id))
                .orElseThrow(() -> notFound(id));
    }

    private static List<Feedback> feedbackOf(Consultation consultation) {
        return Feedback.list("consultation", Sort.by("id"), consultation);
    }

    /** The round as read now: past its deadline it is closed (at its deadline), whether or not the sweep has recorded it. */
    private ConsultationView view(Consultation consultation, List<Feedback> feedback, boolean withFeedback) {
        return ConsultationViews.round(consultation, feedback, withFeedback, Instant.now(clock));
    }
}
