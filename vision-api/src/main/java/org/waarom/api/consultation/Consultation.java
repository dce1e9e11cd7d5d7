package org.waarom.api.consultation;

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
import org.waarom.api.element.ConsultationStatus;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.organization.Organization;

import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;

/**
 * A consultation round on one version (a draft while it is open); it stays attached to that version
 * after it closes, so an adopted text shows how it was shaped.
 */
@Entity
@Table(name = "consultation")
public class Consultation extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "organization_id")
    public Organization organization;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "version_id")
    public ElementVersion version;

    @Column(nullable = false, length = 2000)
    public String question;

    @Column(nullable = false)
    public Instant deadline;

    /** The audiences, comma-separated in declaration order; see {@link #audiences()}. */
    @Column(name = "audience", nullable = false, length = 200)
    public String audienceList;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 8)
    public ConsultationStatus status;

    @Column(name = "opened_by", nullable = false, length = 200)
    public String openedBy;

    @Column(name = "opened_at", nullable = false)
    public Instant openedAt;

    /** Who closed it; null when its deadline did. */
    @Column(name = "closed_by", length = 200)
    public String closedBy;

    @Column(name = "closed_at")
    public Instant closedAt;

    public List<Audience> audiences() {
        return audienceList.isEmpty() ? List.of() : Arrays.stream(audienceList.split(",")).map(Audience::valueOf).toList();
    }

    public void audiences(List<Audience> audiences) {
        audienceList = audiences.stream().distinct().sorted().map(Enum::name).collect(Collectors.joining(","));
    }

    /** Whether it takes feedback at {@code now}: open and before its deadline (a passed deadline closes it, see ConsultationService). */
    public boolean takesFeedbackAt(Instant now) {
        return status == ConsultationStatus.OPEN && now.isBefore(deadline);
    }

    /**
     * Whether its deadline has passed at {@code now} while the table still says OPEN: it reads as closed at its
     * deadline, and the minutely sweep (or the next change of its version) records that.
     */
    public boolean closedUnrecordedAt(Instant now) {
        return status == ConsultationStatus.OPEN && !now.isBefore(deadline);
    }

    /** Its status as read at {@code now}: CLOSED from its deadline on, whether or not that is recorded yet. */
    public ConsultationStatus statusAt(Instant now) {
        return closedUnrecordedAt(now) ? ConsultationStatus.CLOSED : status;
    }

    /** When it closed, as read at {@code now}: its deadline once that has passed unrecorded; null while open. */
    public Instant closedAtAsOf(Instant now) {
        return closedUnrecordedAt(now) ? deadline : closedAt;
    }
}
