package org.waarom.api.calendar;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.waarom.api.organization.Organization;
import org.waarom.api.security.IssuedToken;

/**
 * A personal calendar subscription: a token (only its hash is stored) that reads one organisation's
 * review-task feed, owned by whoever created it. Revoked feeds are kept, with who revoked them.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends IssuedToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @Column(nullable = false, length = 100)
    public String name;

    /** The creator's name as the audit log records it. */
    @Column(nullable = false, length = 200)
    public String owner;

    /** The creator's credential ({@code key:<id>}, {@code token:<subject>}): names are not unique, credentials are. */
    @Column(name = "owner_credential", nullable = false, length = 200)
    public String ownerCredential;
}
