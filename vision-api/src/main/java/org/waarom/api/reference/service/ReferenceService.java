package org.waarom.api.reference.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.persistence.TypedQuery;
import jakarta.transaction.Transactional;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.common.cache.Tagged;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.ForbiddenException;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.element.Content;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.reference.Reference;
import org.waarom.api.reference.ReferenceCite;
import org.waarom.api.reference.ReferenceKind;
import org.waarom.api.reference.rest.CiteRequest;
import org.waarom.api.reference.rest.CiteView;
import org.waarom.api.reference.rest.ReferenceRequest;
import org.waarom.api.reference.rest.ReferenceView;
import org.waarom.api.reference.rest.ReferencesSince;
import org.waarom.api.security.Caller;
import org.waarom.api.security.CurrentActor;

import java.net.URI;
import java.net.URISyntaxException;
import java.sql.Date;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.stream.Collectors;

/**
 * References, "how does this fit our vision?"
 * (docs/api-guide.md#acknowledgements-and-references-using-the-vision). Each cite is resolved once, when
 * the reference is recorded or changed, against the version in effect on the reference's date — at
 * the end of that day (UTC), or now for today — so it reads forever with the text as it was then, and
 * with a warning once the cited item is gone from the version in effect now.
 */
@ApplicationScoped
public class ReferenceService {

    /** The earliest date a reference may have; older ones are typing errors. */
    private static final LocalDate EARLIEST = LocalDate.of(1900, 1, 1);
    /** Where a new day starts first (UTC+14): a date that has begun anywhere on earth is not in the future. */
    private static final ZoneOffset EARLIEST_ZONE = ZoneOffset.ofHours(14);

    /** Filters of a reference list; null means any. */
    public record Filter(ElementType element, String item, ReferenceKind kind, LocalDate from, LocalDate to) {
    }

    private final OrganizationService organizations;
    private final EventService events;
    private final CurrentActor actor;
    private final EntityManager entityManager;
    private final Clock clock;

    ReferenceService(OrganizationService organizations, EventService events, CurrentActor actor, EntityManager entityManager, Clock clock) {
        this.organizations = organizations;
        this.events = events;
        this.actor = actor;
        this.entityManager = entityManager;
        this.clock = clock;
    }

    @Transactional
    public Tagged<ReferenceView> record(String org, ReferenceRequest request) {
        Organization organization = organizations.require(org);
        Caller caller = caller();
        Instant now = now();
        Reference reference = new Reference();
        reference.organization = organization;
        reference.createdBy = caller.name();
        reference.createdCredential = caller.credential();
        reference.createdAt = now;
        apply(reference, request, now);
        reference.persist();
        Reference.flush();
        events.record(organization, EventType.REFERENCE_RECORDED, ReferenceChange.of(reference, reference.updatedBy));
        return tagged(reference);
    }

    /** Replaces what the reference says and cites (cites are resolved again for its date); its author or an admin, with If-Match. */
    @Transactional
    public Tagged<ReferenceView> update(String org, long id, String ifMatch, ReferenceRequest request) {
        Reference reference = requireOwn(org, id);
        EntityTags.requireMatch(ifMatch, etag(reference));
        Instant now = now();
        // The old cites go first: their positions are taken again by the new ones (unique per reference).
        reference.cites.clear();
        Reference.flush();
        apply(reference, request, now);
        Reference.flush();
        events.record(reference.organization, EventType.REFERENCE_UPDATED, ReferenceChange.of(reference, reference.updatedBy));
        return tagged(reference);
    }

    /** Deletes the reference; its author or an admin. */
    @Transactional
    public void delete(String org, long id) {
        Reference reference = requireOwn(org, id);
        ReferenceChange deleted = ReferenceChange.of(reference, caller().name());
        reference.delete();
        events.record(reference.organization, EventType.REFERENCE_DELETED, deleted);
    }

    @Transactional
    public Tagged<ReferenceView> get(String org, long id) {
        return tagged(require(organizations.require(org), id));
    }

    /** The organisation's references, newest date first, filtered by what they cite, their kind and their date (both ends inclusive). */
    @Transactional
    public Page<ReferenceView> list(String org, Filter filter, PageRequest page) {
        Organization organization = organizations.require(org);
        List<String> conditions = new ArrayList<>();
        Map<String, Object> parameters = new LinkedHashMap<>();
        conditions.add("r.organization = :organization");
        parameters.put("organization", organization);
        if (filter.element() != null) {
            conditions.add("exists (select c.id from ReferenceCite c where c.reference = r and c.organization = :organization and c.element = :element"
                    + (filter.item() != null ? " and c.itemKey = :item)" : ")"));
            parameters.put("element", filter.element());
            if (filter.item() != null) {
                parameters.put("item", filter.item());
            }
        }
        if (filter.kind() != null) {
            conditions.add("r.kind = :kind");
            parameters.put("kind", filter.kind());
        }
        if (filter.from() != null) {
            conditions.add("r.date >= :from");
            parameters.put("from", filter.from());
        }
        if (filter.to() != null) {
            conditions.add("r.date <= :to");
            parameters.put("to", filter.to());
        }
        String where = " where " + String.join(" and ", conditions);
        TypedQuery<Reference> found = entityManager.createQuery("select r from Reference r" + where + " order by r.date desc, r.id desc", Reference.class);
        TypedQuery<Long> count = entityManager.createQuery("select count(r) from Reference r" + where, Long.class);
        parameters.forEach((name, value) -> {
            found.setParameter(name, value);
            count.setParameter(name, value);
        });
        List<Reference> items = found.setFirstResult(page.offset()).setMaxResults(page.size()).getResultList();
        return Page.of(views(organization, items), page, count.getSingleResult());
    }

    /**
     * Per organisation and element (key {@code "<organisation id>/<TYPE>"}): the references dated on or after
     * the day its adopted version took effect that cite it — what its next review should look at. One query
     * for all the organisations of a page of review tasks; elements never adopted are absent.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public Map<String, ReferencesSince> sinceLastAdoption(Collection<Organization> of) {
        if (of.isEmpty()) {
            return Map.of();
        }
        Map<Long, String> slugs = of.stream().collect(Collectors.toMap(organization -> organization.id, organization -> organization.slug, (a, b) -> a));
        List<?> rows = entityManager.createNativeQuery("""
                        select e.organization_id, e.type, cast(v.effective_from at time zone 'UTC' as date) as since, count(distinct r.id)
                          from element e
                          join element_version v on v.element_id = e.id and v.status = 'ADOPTED'
                          left join reference_cite c on c.organization_id = e.organization_id and c.element = e.type
                          left join reference r on r.id = c.reference_id
                                               and r.reference_date >= cast(v.effective_from at time zone 'UTC' as date)
                         where e.organization_id in (:organizations)
                         group by e.organization_id, e.type, v.effective_from""")
                .setParameter("organizations", slugs.keySet())
                .getResultList();
        Map<String, ReferencesSince> found = new HashMap<>();
        for (Object row : rows) {
            Object[] columns = (Object[]) row;
            long organizationId = ((Number) columns[0]).longValue();
            ElementType type = ElementType.valueOf((String) columns[1]);
            LocalDate since = columns[2] instanceof Date date ? date.toLocalDate() : (LocalDate) columns[2];
            long count = ((Number) columns[3]).longValue();
            found.put(organizationId + "/" + type.name(), new ReferencesSince(since, count,
                    "/api/v1/organizations/" + slugs.get(organizationId) + "/references?element=" + type.path() + "&from=" + since));
        }
        return found;
    }

    /** What a review task of an element never adopted shows: nothing can cite it yet. */
    public static ReferencesSince noneSince(String org, ElementType type) {
        return new ReferencesSince(null, 0, "/api/v1/organizations/" + org + "/references?element=" + type.path());
    }

    // --- recording ---

    /** Sets what the request says, validating it all first and reporting every broken field at once. */
    private void apply(Reference reference, ReferenceRequest request, Instant now) {
        List<FieldError> errors = new ArrayList<>();
        LocalDate date = request.date();
        LocalDate latest = LocalDate.ofInstant(now, EARLIEST_ZONE);
        if (date.isAfter(latest)) {
            errors.add(new FieldError("date", "must not be in the future"));
        } else if (date.isBefore(EARLIEST)) {
            errors.add(new FieldError("date", "must not be before " + EARLIEST));
        }
        String link = blankToNull(request.link());
        if (link != null && !isWebAddress(link)) {
            errors.add(new FieldError("link", "must be an http or https URL"));
        }
        List<ReferenceCite> cites = errors.isEmpty() ? resolve(reference.organization, request.cites(), inEffectOn(date, now), date, errors) : List.of();
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The reference is not valid", errors);
        }
        reference.kind = request.kind();
        reference.title = request.title().strip();
        reference.date = date;
        reference.link = link;
        reference.externalId = blankToNull(request.externalId());
        reference.rationale = request.rationale().strip();
        reference.updatedBy = caller().name();
        reference.updatedAt = now;
        for (ReferenceCite cite : cites) {
            cite.reference = reference;
            reference.cites.add(cite);
        }
    }

    /** The instant whose version a reference of {@code date} cites: the end of that day (UTC), or now for a day that has not ended. */
    private static Instant inEffectOn(LocalDate date, Instant now) {
        Instant endOfDay = date.plusDays(1).atStartOfDay(ZoneOffset.UTC).toInstant().minus(1, ChronoUnit.MICROS);
        return endOfDay.isBefore(now) ? endOfDay : now;
    }

    /** Each cite against the version of its element in effect at {@code at}; an unknown element, an element not adopted then or an item that version lacks is an error of that cite. */
    private List<ReferenceCite> resolve(Organization organization, List<CiteRequest> requested, Instant at, LocalDate date, List<FieldError> errors) {
        List<ReferenceCite> cites = new ArrayList<>();
        Map<String, Integer> seen = new HashMap<>();
        Map<ElementType, Optional<ElementVersion>> inEffect = new HashMap<>();
        for (int i = 0; i < requested.size(); i++) {
            CiteRequest cite = requested.get(i);
            String field = "cites[" + i + "]";
            Optional<ElementType> type = ElementType.fromPath(cite.element().strip());
            if (type.isEmpty()) {
                errors.add(new FieldError(field + ".element", "must be one of " + ElementType.allPaths()));
                continue;
            }
            String item = blankToNull(cite.item());
            Integer earlier = seen.putIfAbsent(type.get() + "/" + item, i);
            if (earlier != null) {
                errors.add(new FieldError(field, "cites the same as cites[" + earlier + "]"));
                continue;
            }
            Optional<ElementVersion> version = inEffect.computeIfAbsent(type.get(), which -> ElementVersion.inEffect(organization, which, at));
            if (version.isEmpty()) {
                errors.add(new FieldError(field + ".element", "the " + type.get().path() + " had no adopted version on " + date));
                continue;
            }
            if (item != null && find(version.get().content, item).isEmpty()) {
                errors.add(new FieldError(field + ".item", "version " + version.get().number + " of the " + type.get().path()
                        + ", in effect on " + date + ", has no item '" + item + "'"));
                continue;
            }
            ReferenceCite resolved = new ReferenceCite();
            resolved.organization = organization;
            resolved.position = i;
            resolved.element = type.get();
            resolved.itemKey = item;
            resolved.version = version.get();
            cites.add(resolved);
        }
        return cites;
    }

    // --- reading ---

    private Tagged<ReferenceView> tagged(Reference reference) {
        return new Tagged<>(views(reference.organization, List.of(reference)).get(0), etag(reference));
    }

    /** Strong: a reference's representation changes with its revision (cites change only with it; what is in effect now only with an adoption). */
    private static String etag(Reference reference) {
        return EntityTags.strong("reference-" + reference.id + "-r" + reference.revision);
    }

    /** Views of references with their cites: the cites and their versions in one query, what is in effect now in one more. */
    private List<ReferenceView> views(Organization organization, List<Reference> references) {
        if (references.isEmpty()) {
            return List.of();
        }
        List<ReferenceCite> cites = entityManager.createQuery("select c from ReferenceCite c join fetch c.version v"
                        + " where c.reference in :references order by c.position", ReferenceCite.class)
                .setParameter("references", references).getResultList();
        Map<Long, List<ReferenceCite>> byReference = cites.stream().collect(Collectors.groupingBy(cite -> cite.reference.id));
        Instant now = now();
        Map<ElementType, ElementVersion> current = ElementVersion.allInEffect(organization, now).stream()
                .collect(Collectors.toMap(version -> version.element.type, version -> version));
        return references.stream().map(reference -> new ReferenceView(reference.id, reference.kind, reference.title, reference.date,
                reference.link, reference.externalId, reference.rationale,
                byReference.getOrDefault(reference.id, List.of()).stream().map(cite -> citeView(cite, current.get(cite.element))).toList(),
                reference.createdBy, reference.createdAt, reference.updatedBy, reference.updatedAt)).toList();
    }

    private CiteView citeView(ReferenceCite cite, ElementVersion current) {
        Content then = cite.version.content;
        String title = null;
        String text = then.statement();
        boolean removed = false;
        if (cite.itemKey != null) {
            Optional<Content.Item> item = find(then, cite.itemKey);
            title = item.map(Content.Item::title).orElse(null);
            text = item.map(Content.Item::description).orElse(null);
            removed = current != null && find(current.content, cite.itemKey).isEmpty();
        }
        String warning = removed ? "Item '" + cite.itemKey + "' no longer exists in the current " + cite.element.path()
                + " (version " + current.number + ")" : null;
        return new CiteView(cite.element.path(), cite.itemKey, cite.version.number, title, text,
                current == null ? null : current.number, removed, warning);
    }

    private static Optional<Content.Item> find(Content content, String key) {
        return content.items().stream().filter(item -> key.equals(item.key())).findFirst();
    }

    // --- access ---

    private static Reference require(Organization organization, long id) {
        return Reference.<Reference>find("id = ?1 and organization = ?2", id, organization).firstResultOptional()
                .orElseThrow(() -> new NotFoundException("There is no reference " + id));
    }

    /** The reference, if the caller wrote it or administers the organisation; 403 for another's (it may read it, so it knows it exists). */
    private Reference requireOwn(String org, long id) {
        Reference reference = require(organizations.require(org), id);
        Caller caller = caller();
        if (!caller.isAdminOf(org) && !Objects.equals(reference.createdCredential, caller.credential())) {
            throw new ForbiddenException("Reference " + id + " was recorded by " + reference.createdBy + "; only its author or an admin changes it");
        }
        return reference;
    }

    private Caller caller() {
        return actor.caller().orElse(CurrentActor.SYSTEM);
    }

    private Instant now() {
        return Instant.now(clock).truncatedTo(ChronoUnit.MICROS);
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value.strip();
    }

    private static boolean isWebAddress(String value) {
        try {
            URI uri = new URI(value);
            return uri.getScheme() != null && (uri.getScheme().equalsIgnoreCase("http") || uri.getScheme().equalsIgnoreCase("https"))
                    && uri.getHost() != null;
        } catch (URISyntaxException e) {
            return false;
        }
    }
}
