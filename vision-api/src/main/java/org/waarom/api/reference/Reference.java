package org.waarom.api.reference;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.CascadeType;
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
import jakarta.persistence.OneToMany;
import jakarta.persistence.OrderBy;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.waarom.api.organization.Organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * A case discussion, complaint, policy decision or team-meeting decision that says how it fits the
 * vision: it cites elements or items, each against the version in effect at its date.
 */
@Entity
@Table(name = "reference")
public class Reference extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 32)
    public ReferenceKind kind;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(name = "reference_date", nullable = false)
    public LocalDate date;

    @Column(length = 2000)
    public String link;

    @Column(name = "external_id", length = 200)
    public String externalId;

    @Column(nullable = false, length = 5000)
    public String rationale;

    @OneToMany(mappedBy = "reference", cascade = CascadeType.ALL, orphanRemoval = true)
    @OrderBy("position")
    public List<ReferenceCite> cites = new ArrayList<>();

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    /** The author's credential: who, besides an admin, may change or delete the reference. */
    @Column(name = "created_credential", nullable = false, length = 200)
    public String createdCredential;

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
