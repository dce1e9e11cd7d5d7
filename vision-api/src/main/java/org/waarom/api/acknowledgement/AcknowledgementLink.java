package org.waarom.api.acknowledgement;

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
import org.waarom.api.security.IssuedToken;

/**
 * A personal link that asks one person (by external id) to acknowledge an adopted version: its token (only the hash is
 * kept) shows the text in effect and records that person's acknowledgement, nothing else. It works while the version in
 * effect shares its {@link #acknowledgementBasis}, and until it is revoked.
 */
@Entity
@Table(name = "acknowledgement_link")
public class AcknowledgementLink extends IssuedToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    /** The version it was issued for. */
    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    public ElementVersion version;

    @Column(name = "acknowledgement_basis", nullable = false)
    public int acknowledgementBasis;

    /** The external id the acknowledgement is recorded for. */
    @Column(nullable = false, length = 200)
    public String person;

    @Column(nullable = false, length = 200)
    public String name;

    /** The language the page is shown in first; null: as the browser asks. */
    @Column(length = 35)
    public String language;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;
}
