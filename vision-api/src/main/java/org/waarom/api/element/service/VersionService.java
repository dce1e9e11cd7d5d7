package org.waarom.api.element.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.transaction.Transactional;
import org.waarom.api.common.InstantRange;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.common.cache.Representation;
import org.waarom.api.common.cache.Tagged;
import org.waarom.api.common.http.LanguageNegotiation;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.element.Content;
import org.waarom.api.element.Element;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.TextVariant;
import org.waarom.api.element.VersionStatus;
import org.waarom.api.element.rest.AdoptRequest;
import org.waarom.api.element.rest.ConsultationLink;
import org.waarom.api.element.rest.ElementSummary;
import org.waarom.api.element.rest.RestoreRequest;
import org.waarom.api.element.rest.VersionRequest;
import org.waarom.api.element.rest.VersionView;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.CurrentActor;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The version lifecycle (docs/api-guide.md#elements-and-versions): drafts, edits, withdrawal, adoption, restore, the
 * version in effect at an instant, history and diffs. Every change locks the element's row first,
 * so the rules (one open version, numbering, adoption order) hold under concurrent requests, and
 * checks {@code If-Match} under that lock, so no update is ever lost.
 *
 * <p>The features built on versions are not called from here: they observe {@link VersionChangeStarting} (before a
 * change locks the element) and {@link VersionAdopted}, synchronously and in the same transaction. Reads write nothing.
 */
@ApplicationScoped
public class VersionService {

    private final OrganizationService organizations;
    private final VersionMapper mapper;
    private final DiffService diffs;
    private final CurrentActor actor;
    private final EventService events;
    private final TranslationService translations;
    private final Event<VersionChangeStarting> changeStarting;
    private final Event<VersionAdopted> adopted;
    private final VersionRounds rounds;
    private final Clock clock;

    VersionService(OrganizationService organizations, VersionMapper mapper, DiffService diffs, CurrentActor actor, EventService events,
                   TranslationService translations, Event<VersionChangeStarting> changeStarting, Event<VersionAdopted> adopted,
                   VersionRounds rounds, Clock clock) {
        this.organizations = organizations;
        this.mapper = mapper;
        this.diffs = diffs;
        this.actor = actor;
        this.events = events;
        this.translations = translations;
        this.changeStarting = changeStarting;
        this.adopted = adopted;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** Reads only: an open version whose round's deadline has passed reads as a draft (see {@link VersionMapper#closedUnrecorded}). */
    @Transactional
    public List<ElementSummary> elements(String org) {
        Organization organization = organizations.require(org);
        Instant now = Instant.now(clock);
        List<ElementSummary> summaries = new ArrayList<>();
        for (ElementType type : ElementType.values()) {
            Element element = Element.of(organization, type);
            Optional<ElementVersion> current = ElementVersion.inEffect(element, now);
            Optional<ElementVersion> open = ElementVersion.open(element);
            summaries.add(new ElementSummary(type.path(),
                    current.map(version -> version.number).orElse(null),
                    current.map(version -> version.effectiveFrom).orElse(null),
                    open.map(version -> version.number).orElse(null),
                    open.map(version -> status(version, now)).orElse(null),
                    element.lastNumber));
        }
        return summaries;
    }

    /** A new draft. 409 while another version of the element is open. */
    @Transactional
    public Tagged<VersionView> create(String org, ElementType type, VersionRequest request) {
        Element element = lockedElement(org, type);
        validate(type, request.content());
        Integer basedOn = request.basedOn();
        if (basedOn != null) {
            requireVersion(element, basedOn, "basedOn");
        } else {
            basedOn = ElementVersion.inEffect(element, Instant.now(clock)).map(version -> version.number).orElse(null);
        }
        return tagged(newDraft(element, request.content(), request.changeReason(), basedOn));
    }

    /** Replaces a draft's content and reason. Only drafts change; adopted versions never do. */
    @Transactional
    public Tagged<VersionView> update(String org, ElementType type, int number, String ifMatch, VersionRequest request) {
        Element element = lockedElement(org, type);
        ElementVersion version = version(element, number);
        EntityTags.requireMatch(ifMatch, VersionMapper.etag(version));
        if (version.status != VersionStatus.DRAFT) {
            throw new ConflictException(switch (version.status) {
                case IN_CONSULTATION -> inConsultation(version, "edited").getMessage();
                case ADOPTED, SUPERSEDED -> "Version " + number + " is " + version.status + "; adopted versions never change. Start a new draft instead.";
                default -> "Version " + number + " is " + version.status + " and cannot be edited";
            });
        }
        validate(type, request.content());
        if (request.basedOn() != null) {
            requireVersion(element, request.basedOn(), "basedOn");
            version.basedOn = request.basedOn();
        }
        version.content = request.content();
        version.changeReason = request.changeReason();
        touch(version);
        ElementVersion.flush();
        recordEvent(version, EventType.VERSION_UPDATED);
        return tagged(version);
    }

    /** Withdraws an open version; it stays in the history as WITHDRAWN. */
    @Transactional
    public void withdraw(String org, ElementType type, int number, String ifMatch) {
        Element element = lockedElement(org, type);
        ElementVersion version = version(element, number);
        EntityTags.requireMatch(ifMatch, VersionMapper.etag(version));
        if (version.status == VersionStatus.IN_CONSULTATION) {
            throw inConsultation(version, "withdrawn");
        }
        if (!version.status.isOpen()) {
            throw new ConflictException("Version " + number + " is " + version.status + "; only a draft can be withdrawn");
        }
        version.status = VersionStatus.WITHDRAWN;
        version.withdrawnBy = actor.name();
        version.withdrawnAt = Instant.now(clock);
        touch(version);
        recordEvent(version, EventType.VERSION_WITHDRAWN);
    }

    /**
     * Adopts an open version. The version it replaces becomes SUPERSEDED with {@code effectiveTo}
     * set to the new version's {@code effectiveFrom}. Then {@link VersionAdopted} is fired, in this transaction and
     * under the element's lock: the review feature completes the element's open review tasks as REVISED.
     */
    @Transactional
    public Tagged<VersionView> adopt(String org, ElementType type, int number, String ifMatch, AdoptRequest request) {
        Element element = lockedElement(org, type);
        ElementVersion version = version(element, number);
        EntityTags.requireMatch(ifMatch, VersionMapper.etag(version));
        if (version.status == VersionStatus.IN_CONSULTATION) {
            throw inConsultation(version, "adopted");
        }
        if (!version.status.isOpen()) {
            throw new ConflictException("Version " + number + " is " + version.status + "; only a draft can be adopted");
        }
        Instant now = Instant.now(clock);
        Instant effectiveFrom = request == null || request.effectiveFrom() == null
                ? now : InstantRange.require("effectiveFrom", request.effectiveFrom()).truncatedTo(ChronoUnit.MICROS);
        Optional<ElementVersion> previous = ElementVersion.adopted(element);
        if (previous.isPresent() && !effectiveFrom.isAfter(previous.get().effectiveFrom)) {
            throw new InvalidRequestException("effectiveFrom", "must be after " + previous.get().effectiveFrom
                    + ", when version " + previous.get().number + " took effect");
        }
        previous.ifPresent(replaced -> {
            replaced.status = VersionStatus.SUPERSEDED;
            replaced.effectiveTo = effectiveFrom;
            touch(replaced);
        });
        version.status = VersionStatus.ADOPTED;
        version.significantChange = request != null && request.significant();
        // Only a significant change (or the first adoption) asks everyone to acknowledge again.
        version.acknowledgementBasis = version.significantChange || previous.isEmpty() || previous.get().acknowledgementBasis == null
                ? version.number : previous.get().acknowledgementBasis;
        version.adoptedBy = actor.name();
        version.adoptedAt = now;
        version.effectiveFrom = effectiveFrom;
        touch(version);
        ElementVersion.flush();
        events.record(element.organization, EventType.VERSION_ADOPTED, new VersionAdoption(type.path(), version.number, version.status,
                version.basedOn, version.changeReason, actor.name(), effectiveFrom, previous.map(replaced -> replaced.number).orElse(null),
                version.significantChange, version.acknowledgementBasis, version.content));
        adopted.fire(new VersionAdopted(element.organization, type, number));
        return tagged(version);
    }

    /** A new draft with the content of an old version; history is never rewritten. */
    @Transactional
    public Tagged<VersionView> restore(String org, ElementType type, int number, RestoreRequest request) {
        Element element = lockedElement(org, type);
        ElementVersion source = version(element, number);
        String reason = request == null || request.changeReason() == null ? "Restored from version " + number : request.changeReason();
        return tagged(newDraft(element, source.content, reason, number));
    }

    /**
     * The version in effect at {@code asOf} (now when null), in the language {@code language} negotiates and as the
     * {@code variant} text where there is one (see {@link TranslationService#localize}); 404 before the first adoption.
     */
    @Transactional
    public Representation<VersionView> current(String org, ElementType type, Instant asOf, LanguageNegotiation language, TextVariant variant) {
        Element element = Element.of(organizations.require(org), type);
        Instant now = Instant.now(clock);
        ElementVersion version = ElementVersion.inEffect(element, asOf == null ? now : asOf).orElseThrow(() -> new NotFoundException(
                asOf == null
                        ? "Organisation '" + org + "' has no adopted " + type.path() + " yet"
                        : "Organisation '" + org + "' had no adopted " + type.path() + " at " + asOf));
        return translations.localize(version, language, variant, now);
    }

    /**
     * The version of {@code type} in effect now, if there is one; none before the first adoption (the vision
     * document shows such an element as not adopted yet). Localize it with {@link TranslationService#localize}.
     */
    @Transactional
    public Optional<ElementVersion> inEffectNow(Organization organization, ElementType type) {
        return ElementVersion.inEffect(Element.of(organization, type), Instant.now(clock));
    }

    /** A page of the element's versions, newest first; their rounds come in one query for the page. Reads only. */
    @Transactional
    public Page<VersionView> history(String org, ElementType type, PageRequest page) {
        Element element = Element.of(organizations.require(org), type);
        List<ElementVersion> versions = ElementVersion.newestFirst(element).page(page.page(), page.size()).list();
        Map<Long, List<ConsultationLink>> links = rounds.of(versions, Instant.now(clock));
        List<VersionView> items = versions.stream().map(version -> mapper.view(version, links.getOrDefault(version.id, List.of()))).toList();
        return Page.of(items, page, element.lastNumber);
    }

    /** Version {@code number}, in the language {@code language} negotiates, as the {@code variant} text where there is one (see {@link TranslationService#localize}). */
    @Transactional
    public Representation<VersionView> get(String org, ElementType type, int number, LanguageNegotiation language, TextVariant variant) {
        ElementVersion version = version(Element.of(organizations.require(org), type), number);
        return translations.localize(version, language, variant, Instant.now(clock));
    }

    /** What changed from version {@code against} (default: the one it was based on, else the one before) to {@code number}. */
    @Transactional
    public VersionDiff diff(String org, ElementType type, int number, Integer against) {
        Element element = Element.of(organizations.require(org), type);
        ElementVersion to = version(element, number);
        Integer fromNumber = against != null ? against : (to.basedOn != null ? to.basedOn : (number > 1 ? number - 1 : null));
        if (fromNumber == null) {
            throw new InvalidRequestException("against", "is required: version 1 has no earlier version to compare with");
        }
        ElementVersion from = requireVersion(element, fromNumber, "against");
        return diffs.diff(from.number, from.content, to.number, to.content);
    }

    private ElementVersion newDraft(Element element, Content content, String changeReason, Integer basedOn) {
        ElementVersion.open(element).ifPresent(open -> {
            throw new ConflictException("Version " + open.number + " of the " + element.type.path() + " is still open (" + open.status
                    + "); adopt or withdraw it before starting another");
        });
        Instant now = Instant.now(clock);
        element.lastNumber++;
        ElementVersion version = new ElementVersion();
        version.element = element;
        version.number = element.lastNumber;
        version.status = VersionStatus.DRAFT;
        version.content = content;
        version.changeReason = changeReason;
        version.basedOn = basedOn;
        version.createdBy = actor.name();
        version.createdAt = now;
        version.updatedBy = version.createdBy;
        version.updatedAt = now;
        version.persist();
        ElementVersion.flush();
        recordEvent(version, EventType.VERSION_CREATED);
        return version;
    }

    /** The version with its ETag, as a change answers it. */
    private Tagged<VersionView> tagged(ElementVersion version) {
        return mapper.tagged(version, rounds.of(version, Instant.now(clock)));
    }

    /** The version's status as read at {@code now}: a version whose round's deadline has passed is a draft again. */
    private VersionStatus status(ElementVersion version, Instant now) {
        return version.status == VersionStatus.IN_CONSULTATION && VersionMapper.closedUnrecorded(version, rounds.of(version, now)).isPresent()
                ? VersionStatus.DRAFT : version.status;
    }

    /** The version's event, in this transaction: what it is and who did it. */
    private void recordEvent(ElementVersion version, EventType type) {
        events.record(version.element.organization, type, VersionChange.of(version, actor.name()));
    }

    private void touch(ElementVersion version) {
        version.updatedBy = actor.name();
        version.updatedAt = Instant.now(clock);
    }

    private static void validate(ElementType type, Content content) {
        List<FieldError> errors = ContentValidator.validate(type, content, "content");
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The content does not meet the rules for the " + type.path(), errors);
        }
    }

    /**
     * Every change of a version starts here: what follows from time is recorded first ({@link VersionChangeStarting}:
     * rounds whose deadline has passed are closed, their versions are drafts again), then the element's row is locked.
     */
    private Element lockedElement(String org, ElementType type) {
        Organization organization = organizations.require(org);
        changeStarting.fire(new VersionChangeStarting(organization));
        return Element.locked(organization, type);
    }

    /** While a round is open, its version is the text under consultation: it does not change until the round is closed. */
    private static ConflictException inConsultation(ElementVersion version, String what) {
        return new ConflictException("Version " + version.number + " of the " + version.element.type.path() + " is in consultation and cannot be "
                + what + " while the round is open; close the round first (POST …/consultations/{id}/close), or wait for its deadline");
    }

    /** Version {@code number} of the element, or 404. */
    public static ElementVersion version(Element element, int number) {
        return ElementVersion.numbered(element, number).orElseThrow(() -> new NotFoundException(
                "The " + element.type.path() + " has no version " + number));
    }

    private static ElementVersion requireVersion(Element element, int number, String field) {
        return ElementVersion.numbered(element, number).orElseThrow(() -> new InvalidRequestException(field,
                "names version " + number + ", which the " + element.type.path() + " does not have"));
    }
}
