package org.waarom.api.audit;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Instant;

/** One state-changing request: who, with which credential, what, on what, when, and how it ended. */
@Entity
@Table(name = "audit_entry")
public class AuditEntry extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    /** Null for platform-level actions. */
    @Column(name = "organization_id")
    public Long organizationId;

    @Column(nullable = false, length = 200)
    public String actor;

    @Column(nullable = false, length = 200)
    public String credential;

    @Column(nullable = false, length = 64)
    public String action;

    @Column(nullable = false, length = 8)
    public String method;

    @Column(nullable = false, length = 500)
    public String target;

    @Column(nullable = false)
    public int status;

    @Column(nullable = false, length = 16)
    public String outcome;

    @Column(name = "occurred_at", nullable = false)
    public Instant occurredAt;
}
