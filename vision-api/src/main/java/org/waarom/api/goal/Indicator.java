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
import org.waarom.api.organization.Organization;

import java.math.BigDecimal;
import java.time.Instant;
import java.util.Optional;

/** A measurable sign that a goal is being realised: from a baseline towards a target. */
@Entity
@Table(name = "indicator")
public class Indicator extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "goal_id")
    public Goal goal;

    @Column(nullable = false, length = 200)
    public String name;

    @Column(length = 32)
    public String unit;

    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal baseline;

    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal target;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Direction direction;

    /** Whether the latest measurement meets the current target. */
    @Column(name = "target_met", nullable = false)
    public boolean targetMet;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    /** The organisation's indicator with this id; none for another organisation's. */
    public static Optional<Indicator> findIn(Organization organization, long id) {
        return Indicator.<Indicator>find("id = ?1 and goal.organization = ?2", id, organization).firstResultOptional();
    }
}
