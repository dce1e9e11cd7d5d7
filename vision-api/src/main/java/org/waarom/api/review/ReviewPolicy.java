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
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;
import org.waarom.api.element.ElementType;
import org.waarom.api.organization.Organization;
import org.waarom.api.review.rest.PolicyPerson;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/** An organisation's own review policy for one element (absent: the type's defaults apply). */
@Entity
@Table(name = "review_policy")
public class ReviewPolicy extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public ElementType element;

    @Column(nullable = false)
    public boolean enabled;

    @Column(nullable = false, length = 16)
    public String cycle;

    @Column(name = "anchor_date")
    public LocalDate anchorDate;

    @Column(name = "on_goal_reached", nullable = false)
    public boolean onGoalReached;

    @Column(name = "remind_before", nullable = false, length = 16)
    public String remindBefore;

    @Column(name = "escalate_after", nullable = false, length = 16)
    public String escalateAfter;

    /** Stored as a JSON array of {name, email}. */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false, columnDefinition = "jsonb")
    public List<PolicyPerson> assignees;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "escalate_to", nullable = false, columnDefinition = "jsonb")
    public List<PolicyPerson> escalateTo;

    @Column(name = "updated_by", nullable = false, length = 200)
    public String updatedBy;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Version
    public int revision;
}
