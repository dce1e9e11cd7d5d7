package org.waarom.api.review;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.FetchType;
import jakarta.persistence.GeneratedValue;
import jakarta.persistence.GenerationType;
import jakarta.persistence.Id;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import org.waarom.api.security.IssuedToken;

/**
 * A review link: the token in a reminder that opens the review page of one task for one recipient (only its hash is
 * kept). It works while the task is open and it is not revoked.
 */
@Entity
@Table(name = "review_link")
public class ReviewLink extends IssuedToken {

    @Id
    @GeneratedValue(strategy = GenerationType.IDENTITY)
    public Long id;

    @ManyToOne(fetch = FetchType.LAZY, optional = false)
    @JoinColumn(name = "task_id")
    public ReviewTask task;

    /** The reminder whose message carries it; null for none. */
    @ManyToOne(fetch = FetchType.LAZY)
    @JoinColumn(name = "reminder_id")
    public ReviewReminder reminder;

    @Column(name = "recipient_name", length = 200)
    public String recipientName;

    @Column(name = "recipient_email", nullable = false, length = 254)
    public String recipientEmail;

    /** When the message with this link went out to its recipient; null until then. */
    @Column(name = "delivered_at")
    public java.time.Instant deliveredAt;

    /** How the audit log and the task name the person acting through the link. */
    public String recipient() {
        return recipientName != null ? recipientName : recipientEmail;
    }
}
