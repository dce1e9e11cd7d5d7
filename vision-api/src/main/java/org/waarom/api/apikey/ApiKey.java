package org.waarom.api.apikey;

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
import java.util.Arrays;
import java.util.List;

/** An API key: an organisation's (with organisation roles) or the platform's (with platform roles). Only its hash is stored. */
@Entity
@Table(name = "api_key")
public class ApiKey extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Null for a platform key. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @Column(nullable = false, length = 100)
    public String name;

    /** Comma-separated role values ({@code editor,approver}). */
    @Column(nullable = false, length = 200)
    public String roles;

    @Column(name = "key_hash", nullable = false, length = 64)
    public String keyHash;

    @Column(name = "key_prefix", nullable = false, length = 16)
    public String keyPrefix;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "last_used_at")
    public Instant lastUsedAt;

    @Column(name = "revoked_by", length = 200)
    public String revokedBy;

    @Column(name = "revoked_at")
    public Instant revokedAt;

    public List<String> roleList() {
        return Arrays.asList(roles.split(","));
    }
}
