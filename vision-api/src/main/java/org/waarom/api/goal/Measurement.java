package org.waarom.api.goal;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import io.quarkus.panache.common.Sort;
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
import java.time.LocalDate;
import java.util.Optional;

/** A dated value of an indicator. The latest by date (then by recording) is the one that counts. */
@Entity
@Table(name = "measurement")
public class Measurement extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "indicator_id")
    public Indicator indicator;

    @Column(nullable = false, precision = 20, scale = 6)
    public BigDecimal value;

    @Column(name = "measured_at", nullable = false)
    public LocalDate measuredAt;

    @Column(name = "recorded_by", nullable = false, length = 200)
    public String recordedBy;

    @Column(name = "recorded_at", nullable = false)
    public Instant recordedAt;

    /** The measurement that counts for an indicator: the latest by date, and of one date the last recorded. */
    public static Optional<Measurement> latestOf(Indicator indicator) {
        return Measurement.<Measurement>find("indicator", Sort.descending("measuredAt", "id"), indicator).firstResultOptional();
    }
}
