package org.waarom.api.element;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
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

import java.time.Instant;

/** One numbered version of an element. Adopted and superseded versions never change their content. */
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
}
