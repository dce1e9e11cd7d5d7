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

import java.time.Instant;

/** One participant's feedback in a round, anchored to the statement ({@code anchorItem} null) or to an item key. */
@Entity
@Table(name = "consultation_feedback")
public class Feedback extends PanacheEntityBase {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "consultation_id")
    public Consultation consultation;

    /** The invitation it was given through; null for a participant with an account. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "invitation_id")
    public Invitation invitation;

    @Column(nullable = false, length = 200)
    public String author;

    /** Whose it is ({@code key:<id>}, {@code token:<subject>}, {@code invitation:<id>}): names are not unique, credentials are. */
    @Column(name = "author_credential", nullable = false, length = 200)
    public String authorCredential;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Audience audience;

    /** The item key; null when the feedback is about the statement. */
    @Column(name = "anchor_item", length = 63)
    public String anchorItem;

    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Stance stance;

    @Column(nullable = false, length = 4000)
    public String text;

    @Column(name = "created_at", nullable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;
}
