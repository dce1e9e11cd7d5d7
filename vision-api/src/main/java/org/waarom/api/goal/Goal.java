package org.waarom.api.goal;

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
import org.waarom.api.organization.Organization;

import java.time.Instant;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Optional;

@Entity
@Table(name = "goal")
public class Goal extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public GoalKind kind;

    /** The strategic goal an operational goal realises; null for strategic goals. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "parent_id")
    public Goal parent;

    @Column(nullable = false, length = 200)
    public String title;

    @Column(length = 5000)
    public String description;

    @Column(length = 200)
    public String owner;

    @Column(name = "target_date")
    public LocalDate targetDate;

    /** Comma-separated element types (vision, strategy); empty for operational goals. */
    @Column(nullable = false, length = 40)
    public String serves;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public GoalStatus status;

    @Column(name = "reached_at")
    public Instant reachedAt;

    @Enumerated(EnumType.STRING)
    @Column(name = "reached_cause", length = 32)
    public ReachedCause reachedCause;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int revision;

    public List<String> servesList() {
        return serves.isEmpty() ? List.of() : Arrays.asList(serves.split(","));
    }

    /** The organisation's goal with this id; none for another organisation's. */
    public static Optional<Goal> findIn(Organization organization, long id) {
        return Goal.<Goal>find("id = ?1 and organization = ?2", id, organization).firstResultOptional();
    }
}
