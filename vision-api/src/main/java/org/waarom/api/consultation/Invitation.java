package org.waarom.api.consultation;

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
import org.waarom.api.security.IssuedToken;

/**
 * A personal link to one consultation round for people without an account (clients, families,
 * partner organisations): its token (only the hash is kept) gives and changes its own feedback in
 * that round while it is open, and nothing else. Revoked invitations are kept, with who revoked them.
 */
@Entity
@Table(name = "consultation_invitation")
public class Invitation extends IssuedToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "consultation_id")
    public Consultation consultation;

    /** The audience of every feedback given through it. */
    @Enumerated(EnumType.STRING)
    @Column(nullable = false, length = 16)
    public Audience audience;

    @Column(nullable = false, length = 100)
    public String label;

    @Column(name = "created_by", nullable = false, length = 200)
    public String createdBy;
}
