package org.waarom.api.element;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.hibernate.orm.panache.PanacheQuery;
import io.quarkus.panache.common.Sort;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.annotations.OptimisticLock;
import org.hibernate.type.SqlTypes;
import org.waarom.api.organization.Organization;

import java.time.Instant;
import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One numbered version of an element. Adopted and superseded versions never change their content. Versions are looked up
 * by the finders below only (issue 17), so that every feature asks the same question the same way.
 */
@Entity
@Table(name = "element_version")
public class ElementVersion extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "element_id")
    public Element element;

    @Column(nullable = false)
    public int number;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public VersionStatus status;

    /** Exactly as the client gave it (after validation), stored as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Content content;

    @Column(name = "change_reason", length = 1000)
    public String changeReason;

    @Column(name = "based_on")
    public Integer basedOn;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "adopted_by", length = 200)
    public String adoptedBy;

    @Column(name = "adopted_at")
    public Instant adoptedAt;

    @Column(name = "effective_from")
    public Instant effectiveFrom;

    @Column(name = "effective_to")
    public Instant effectiveTo;

    /** Given at adoption: whether this version asks everyone to acknowledge it again. */
    @Column(name = "significant_change", nullable = false)
    public boolean significantChange;

    /**
     * Set at adoption: the number of the latest adopted version up to this one that was a significant
     * change (or the element's first adopted version). Versions with one basis share their acknowledgements.
     */
    @Column(name = "acknowledgement_basis")
    public Integer acknowledgementBasis;

    @Column(name = "withdrawn_by", length = 200)
    public String withdrawnBy;

    @Column(name = "withdrawn_at")
    public Instant withdrawnAt;

    /**
     * When a translation of this version was last written or deleted; part of what reads send as
     * {@code Last-Modified}. Excluded from the revision: a translation does not change the version,
     * and an editor's {@code If-Match} must stay valid while translators work.
     */
    @OptimisticLock(excluded = true)
    @Column(name = "translations_changed_at")
    public Instant translationsChangedAt;

    /** Bumped by Hibernate on every change; part of the ETag. */
    @Version
    public int revision;

    /** Version {@code number} of the element, if it has one. */
    public static Optional<ElementVersion> numbered(Element element, int number) {
        return find("element = ?1 and number = ?2", element, number).firstResultOptional();
    }

    /** Version {@code number} of the organisation's element of {@code type}, if it has one. */
    public static Optional<ElementVersion> numbered(Organization organization, ElementType type, int number) {
        return find("element.organization = ?1 and element.type = ?2 and number = ?3", organization, type, number).firstResultOptional();
    }

    /** The element's versions, newest first, to list or to page. */
    public static PanacheQuery<ElementVersion> newestFirst(Element element) {
        return find("element", Sort.descending("number"), element);
    }

    /** The element's open version, a draft or one in consultation, if it has one; it has at most one. */
    public static Optional<ElementVersion> open(Element element) {
        return find("element = ?1 and status in ?2", element, List.of(VersionStatus.DRAFT, VersionStatus.IN_CONSULTATION)).firstResultOptional();
    }

    /** The element's version that is ADOPTED (in effect, or to take effect), if it has one; adopting another supersedes it. */
    public static Optional<ElementVersion> adopted(Element element) {
        return find("element = ?1 and status = ?2", element, VersionStatus.ADOPTED).firstResultOptional();
    }

    /**
     * The element's version in effect at {@code at}, if any. Effective from is inclusive, effective to exclusive, so at every
     * instant at most one version is in effect.
     */
    public static Optional<ElementVersion> inEffect(Element element, Instant at) {
        return find("element = ?1 and effectiveFrom <= ?2 and (effectiveTo is null or effectiveTo > ?2)", element, at).firstResultOptional();
    }

    /** The version of the organisation's element of {@code type} in effect at {@code at}, if any; as {@link #inEffect(Element, Instant)}. */
    public static Optional<ElementVersion> inEffect(Organization organization, ElementType type, Instant at) {
        return find("element.organization = ?1 and element.type = ?2 and effectiveFrom <= ?3 and (effectiveTo is null or effectiveTo > ?3)",
                organization, type, at).firstResultOptional();
    }

    /** The versions of the organisation's elements in effect at {@code at}: one per element adopted by then, in no particular order. */
    public static List<ElementVersion> allInEffect(Organization organization, Instant at) {
        return list("element.organization = ?1 and effectiveFrom <= ?2 and (effectiveTo is null or effectiveTo > ?2)", organization, at);
    }

    /** The element's versions with acknowledgement basis {@code basis} (they share their acknowledgements), by number. */
    public static List<ElementVersion> sharingBasis(Element element, int basis) {
        return list("element = ?1 and acknowledgementBasis = ?2 order by number", element, basis);
    }

    /** The highest number among the versions of the organisation's element of {@code type} that were ever adopted; null when none was. */
    public static Integer lastAdoptedNumber(Organization organization, ElementType type) {
        return getEntityManager().createQuery("select max(v.number) from ElementVersion v where v.element.organization = :organization"
                        + " and v.element.type = :type and v.adoptedAt is not null", Integer.class)
                .setParameter("organization", organization).setParameter("type", type).getSingleResult();
    }

    /** When the first adopted version of the organisation's element of {@code type} took effect; null before its first adoption. */
    public static Instant firstEffectiveFrom(Organization organization, ElementType type) {
        return getEntityManager().createQuery("select min(v.effectiveFrom) from ElementVersion v"
                        + " where v.element.organization = :organization and v.element.type = :type", Instant.class)
                .setParameter("organization", organization).setParameter("type", type).getSingleResult();
    }

    /**
     * {@link #firstEffectiveFrom(Organization, ElementType)} of every element of the organisations, in one query: by
     * organisation id, then by type; an element never adopted is left out.
     */
    public static Map<Long, Map<ElementType, Instant>> firstEffectiveFrom(Collection<Organization> organizations) {
        Map<Long, Map<ElementType, Instant>> first = new HashMap<>();
        getEntityManager().createQuery("select e.organization.id, e.type, min(v.effectiveFrom) from ElementVersion v join v.element e"
                        + " where e.organization in :organizations and v.effectiveFrom is not null group by e.organization.id, e.type", Object[].class)
                .setParameter("organizations", organizations)
                .getResultList()
                .forEach(row -> first.computeIfAbsent((Long) row[0], id -> new EnumMap<>(ElementType.class))
                        .put((ElementType) row[1], (Instant) row[2]));
        return first;
    }

    /** The first instant after {@code after} at which a version of one of the organisation's elements takes effect; null when none is scheduled. */
    public static Instant nextEffectiveFrom(Organization organization, Instant after) {
        return getEntityManager().createQuery("select min(v.effectiveFrom) from ElementVersion v"
                        + " where v.element.organization = :organization and v.effectiveFrom > :after", Instant.class)
                .setParameter("organization", organization).setParameter("after", after).getSingleResult();
    }
}
