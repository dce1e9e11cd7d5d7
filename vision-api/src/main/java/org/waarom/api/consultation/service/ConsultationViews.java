package org.waarom.api.consultation.service;

import org.waarom.api.consultation.Consultation;
import org.waarom.api.consultation.Feedback;
import org.waarom.api.consultation.rest.Anchor;
import org.waarom.api.consultation.rest.ConsultationSummary;
import org.waarom.api.consultation.rest.ConsultationView;
import org.waarom.api.consultation.rest.FeedbackView;
import org.waarom.api.element.ElementVersion;

import java.time.Instant;
import java.util.List;

/** How rounds and feedback read in the API: the views of a round (with its summary) and of one feedback. */
final class ConsultationViews {

    private ConsultationViews() {
    }

    /**
     * The round as read at {@code now}: past its deadline it is closed (at its deadline), whether or not the sweep has
     * recorded it. {@code withFeedback} lists every feedback too (a single read); a list leaves them out.
     */
    static ConsultationView round(Consultation consultation, List<Feedback> feedback, boolean withFeedback, Instant now) {
        ElementVersion version = consultation.version;
        return new ConsultationView(consultation.id, version.element.type.path(), version.number, consultation.question, consultation.deadline,
                consultation.audiences(), consultation.statusAt(now), consultation.openedBy, consultation.openedAt, consultation.closedBy,
                consultation.closedAtAsOf(now), summary(consultation, feedback),
                withFeedback ? feedback.stream().map(ConsultationViews::feedback).toList() : null);
    }

    /** What the round's {@code feedback} adds up to ({@link ConsultationSummaries}). */
    static ConsultationSummary summary(Consultation consultation, List<Feedback> feedback) {
        return ConsultationSummaries.of(consultation.audiences(), consultation.version.content, feedback.stream()
                .map(given -> new ConsultationSummaries.Counted(given.audience, given.anchorItem, given.stance)).toList());
    }

    /** One feedback as everyone in the organisation reads it. */
    static FeedbackView feedback(Feedback feedback) {
        return new FeedbackView(feedback.id, feedback.consultation.id, Anchor.of(feedback.anchorItem), feedback.stance, feedback.text,
                feedback.audience, feedback.author, feedback.createdAt, feedback.updatedAt);
    }
}
