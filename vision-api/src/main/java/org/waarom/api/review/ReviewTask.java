package org.waarom.api.review;

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
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.element.ElementType;
import org.waarom.api.organization.Organization;

import java.time.Instant;
import java.time.LocalDate;

/** A request to re-evaluate one element, named by what caused it ({@code sourceKey}, unique per organisation). */
@Entity
@Table(name = "review_task")
public class ReviewTask extends PanacheEntityBase {

    public enum Reason { CYCLE, GOAL_REACHED, VISION_CHANGED, MANUAL }

    @Schema(name = "ReviewTaskStatus")
    public enum Status { OPEN, DONE, CANCELLED }

    public enum Outcome { CONFIRMED, REVISED }

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ElementType element;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Reason reason;

    @Column(name = "due_date", nullable = false)
    public LocalDate dueDate;

    @Column(name = "source_key", nullable = false, length = 200)
    public String sourceKey;

    @Column(name = "goal_id")
    public Long goalId;

    @Column(name = "version_number")
    public Integer versionNumber;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Status status;

    @Enumerated(EnumType.STRING)
    @Column(length = 16)
    public Outcome outcome;

    @Column(name = "outcome_version")
    public Integer outcomeVersion;

    @Column(length = 2000)
    public String note;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "closed_by", length = 200)
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    @Version
    public int revision;
}
