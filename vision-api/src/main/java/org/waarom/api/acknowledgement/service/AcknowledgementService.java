package org.waarom.api.acknowledgement.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Transactional;
import org.waarom.api.acknowledgement.Acknowledgement;
import org.waarom.api.acknowledgement.rest.AcknowledgeRequest;
import org.waarom.api.acknowledgement.rest.AcknowledgementStatus;
import org.waarom.api.acknowledgement.rest.AcknowledgementStatusRequest;
import org.waarom.api.acknowledgement.rest.AcknowledgementSummary;
import org.waarom.api.acknowledgement.rest.AcknowledgementView;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.ForbiddenException;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.VersionStatus;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.Caller;
import org.waarom.api.security.CurrentActor;
import org.waarom.api.security.Permission;

import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Acknowledgements (docs/api-guide.md#acknowledgements-and-references-using-the-vision): people confirm they read
 * an adopted version, once per person
 * and version; a repeat — also a concurrent one — answers the existing acknowledgement (the unique key
 * decides, not a read-then-write). A new adoption asks again only when it is a significant change: all
 * versions with one {@link ElementVersion#acknowledgementBasis acknowledgement basis} share their
 * acknowledgements, in the counts and in who has and has not.
 *
 * <p>The person is the caller's OIDC subject. An admin — typically an HR system's key — may record for
 * someone else by external id; an API key is a system, not a person, and must name one.
 */
@ApplicationScoped
public class AcknowledgementService {

    /** People per query of a status list: well below PostgreSQL's limit of bind parameters. */
    private static final int CHUNK = 1000;

    /** A recorded acknowledgement, and whether it is new (201) or the person's existing one (200). */
    public record Recorded(AcknowledgementView acknowledgement, boolean created) {
    }

    private final OrganizationService organizations;
    private final EventService events;
    private final CurrentActor actor;
    private final EntityManager entityManager;
    private final Clock clock;

    AcknowledgementService(OrganizationService organizations, EventService events, CurrentActor actor, EntityManager entityManager, Clock clock) {
        this.organizations = organizations;
        this.events = events;
        this.actor = actor;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    /** The caller (or, for an admin, {@code request.person}) read version {@code number}; 409 unless it is the ADOPTED version. */
    @Transactional
    public Recorded acknowledge(String org, ElementType type, int number, AcknowledgeRequest request) {
        Organization organization = organizations.require(org);
        ElementVersion version = version(organization, type, number);
        Caller caller = actor.caller().orElse(CurrentActor.SYSTEM);
        String person = person(org, caller, request == null ? null : request.person());
        return record(organization, version, person, caller);
    }

    /**
     * Records that {@code person} read {@code version}, sent by {@code caller}: what {@link #acknowledge} does once it knows
     * who, and what an acknowledgement link's page does for its person. 409 unless the version is the ADOPTED one.
     */
    Recorded record(Organization organization, ElementVersion version, String person, Caller caller) {
        ElementType type = version.element.type;
        int number = version.number;
        if (version.status != VersionStatus.ADOPTED) {
            throw new ConflictException("Version " + number + " of the " + type.path() + " is " + version.status
                    + "; only the adopted version is acknowledged");
        }
        Instant now = Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
        // The insert decides: of concurrent acknowledgements by one person exactly one inserts; the others read it.
        List<?> inserted = entityManager.createNativeQuery("""
                        insert into acknowledgement (organization_id, version_id, person, recorded_by, credential, acknowledged_at)
                        values (:organization, :version, :person, :by, :credential, :now)
                        on conflict (version_id, person) do nothing
                        returning id""")
                .setParameter("organization", organization.id)
                .setParameter("version", version.id)
                .setParameter("person", person)
                .setParameter("by", caller.name())
                .setParameter("credential", caller.credential())
                .setParameter("now", now)
                .getResultList();
        Acknowledgement acknowledgement = Acknowledgement.<Acknowledgement>find("version = ?1 and person = ?2", version, person).singleResult();
        AcknowledgementView view = view(acknowledgement);
        if (inserted.isEmpty()) {
            return new Recorded(view, false);
        }
        events.record(organization, EventType.VERSION_ACKNOWLEDGED, new VersionAcknowledgement(type.path(), number, version.acknowledgementBasis,
                person, caller.name(), acknowledgement.acknowledgedAt));
        return new Recorded(view, true);
    }

    /** How many people acknowledged the version or another with its basis, and the caller's own acknowledgement. */
    @Transactional
    public AcknowledgementSummary summary(String org, ElementType type, int number) {
        ElementVersion version = version(organizations.require(org), type, number);
        List<ElementVersion> counted = sharingBasis(version);
        long total = counted.isEmpty() ? 0 : entityManager.createQuery(
                        "select count(distinct a.person) from Acknowledgement a where a.version in :versions", Long.class)
                .setParameter("versions", counted).getSingleResult();
        Optional<String> person = actor.caller().flatMap(Caller::person);
        AcknowledgementView own = counted.isEmpty() || person.isEmpty() ? null
                : Acknowledgement.<Acknowledgement>find("version in ?1 and person = ?2 order by version.number desc", counted, person.get())
                .firstResultOptional().map(AcknowledgementService::view).orElse(null);
        return new AcknowledgementSummary(type.path(), number, version.status, version.acknowledgementBasis,
                counted.stream().map(found -> found.number).toList(), total, own);
    }

    /** Of the expected people, who acknowledged the version (or another with its basis) and who did not, both in the order given. */
    @Transactional
    public AcknowledgementStatus status(String org, ElementType type, int number, AcknowledgementStatusRequest request) {
        ElementVersion version = version(organizations.require(org), type, number);
        List<String> expected = new ArrayList<>(new LinkedHashSet<>(request.expected()));
        List<ElementVersion> counted = sharingBasis(version);
        Map<String, Acknowledgement> latest = new HashMap<>();
        long total = 0;
        if (!counted.isEmpty()) {
            total = entityManager.createQuery("select count(distinct a.person) from Acknowledgement a where a.version in :versions", Long.class)
                    .setParameter("versions", counted).getSingleResult();
            for (int from = 0; from < expected.size(); from += CHUNK) {
                List<String> chunk = expected.subList(from, Math.min(expected.size(), from + CHUNK));
                Acknowledgement.<Acknowledgement>list("version in ?1 and person in ?2", counted, chunk).forEach(found ->
                        latest.merge(found.person, found, (one, other) -> one.version.number >= other.version.number ? one : other));
            }
        }
        List<AcknowledgementView> acknowledged = new ArrayList<>();
        List<String> missing = new ArrayList<>();
        for (String person : expected) {
            Acknowledgement found = latest.get(person);
            if (found != null) {
                acknowledged.add(view(found));
            } else {
                missing.add(person);
            }
        }
        return new AcknowledgementStatus(type.path(), number, version.acknowledgementBasis, total, expected.size(), acknowledged, missing);
    }

    /** Who is acknowledging: the named person (admins, or oneself), else the caller, who must then be a person. */
    private static String person(String org, Caller caller, String named) {
        if (named != null) {
            boolean self = caller.person().filter(named::equals).isPresent();
            if (!self && !caller.holds(Permission.ACKNOWLEDGEMENT_MANAGE, org)) {
                throw new ForbiddenException("Only an admin records an acknowledgement on someone else's behalf; leave out 'person' to acknowledge as yourself");
            }
            return named;
        }
        return caller.person().orElseThrow(() -> new InvalidRequestException("person",
                "is required: an API key stands for a system, not a person; name the person who read the version (admins), "
                        + "or acknowledge with your own token"));
    }

    /** The person's acknowledgement of the version or of another with its basis (the latest), if they gave one. */
    static Optional<AcknowledgementView> onBasis(ElementVersion version, String person) {
        List<ElementVersion> counted = sharingBasis(version);
        return counted.isEmpty() ? Optional.empty()
                : Acknowledgement.<Acknowledgement>find("version in ?1 and person = ?2 order by version.number desc", counted, person)
                .firstResultOptional().map(AcknowledgementService::view);
    }

    /** The versions that share the version's acknowledgement basis, by number; none for a version never adopted. */
    private static List<ElementVersion> sharingBasis(ElementVersion version) {
        if (version.acknowledgementBasis == null) {
            return List.of();
        }
        return ElementVersion.sharingBasis(version.element, version.acknowledgementBasis);
    }

    static ElementVersion version(Organization organization, ElementType type, int number) {
        return ElementVersion.numbered(organization, type, number)
                .orElseThrow(() -> new NotFoundException("The " + type.path() + " has no version " + number));
    }

    private static AcknowledgementView view(Acknowledgement acknowledgement) {
        return new AcknowledgementView(acknowledgement.version.element.type.path(), acknowledgement.version.number, acknowledgement.person,
                acknowledgement.recordedBy, acknowledgement.acknowledgedAt);
    }
}
