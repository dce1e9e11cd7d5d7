package org.waarom.api.calendar;

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
import org.waarom.api.organization.Organization;

import java.time.Instant;

/**
 * A personal calendar subscription: a token (only its hash is stored) that reads one organisation's
 * review-task feed, owned by whoever created it. Revoked feeds are kept, with who revoked them.
 */
@Entity
@Table(name = "calendar_feed")
public class CalendarFeed extends PanacheEntityBase {

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

    @Column(name = "token_hash", nullable = false, length = 64)
    public String tokenHash;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_by", length = 200)
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;
}
