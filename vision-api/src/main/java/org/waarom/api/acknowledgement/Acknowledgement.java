package org.waarom.api.acknowledgement;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.organization.Organization;

import java.time.Instant;

/** A person's confirmation that they read an adopted version; one per person and version, never changed. */
@Entity
@Table(name = "acknowledgement")
public class Acknowledgement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    public ElementVersion version;

    /** The OIDC subject of the person, or the external id (e.g. from HR) an admin recorded it for. */
    @Column(nullable = false, length = 200)
    public String person;

    @Column(name = "recorded_by", nullable = false, length = 200)
    public String recordedBy;

    @Column(nullable = false, length = 200)
    public String credential;

    @Column(name = "acknowledged_at", nullable = false)
    public Instant acknowledgedAt;
}
