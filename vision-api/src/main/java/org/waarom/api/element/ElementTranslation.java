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
import org.hibernate.type.SqlTypes;

import java.time.Instant;

/**
 * A text of a version other than its own content: its translation into another of the organisation's languages
 * ({@link TextVariant#STANDARD}), or its easy-read text in any of them, the default included ({@link TextVariant#EASY_READ}).
 * One per version, variant and language; both follow the same rules ({@code TranslationService}).
 */
@Entity
@Table(name = "element_translation")
public class ElementTranslation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    public ElementVersion version;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public TextVariant variant;

    /** A two-letter code, one of the organisation's languages. */
    @Column(nullable = false, length = 8)
    public String language;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public TranslationStatus status;

    /** The translated content, with the same item keys as the version; stored as JSON. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public Content content;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    /** Bumped by Hibernate on every change; part of the ETag. */
    @Version
    public int revision;
}
