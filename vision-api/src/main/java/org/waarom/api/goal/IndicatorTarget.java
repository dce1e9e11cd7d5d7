package org.waarom.api.goal;

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

import java.math.BigDecimal;
import java.time.Instant;

/** One target an indicator has had: the first, and every revision with its reason. */
@Entity
@Table(name = "indicator_target")
public class IndicatorTarget extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal target;

    @Column(length = 1000)
    public String reason;

    @Column(name = "changed_by", nullable = false, length = 200)
    public String changedBy;

    @Column(name = "changed_at", nullable = false)
    public Instant changedAt;
}
