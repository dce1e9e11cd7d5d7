package org.waarom.api.consultation.service;

import org.waarom.api.consultation.Audience;
import org.waarom.api.consultation.Stance;
import org.waarom.api.consultation.rest.Anchor;
import org.waarom.api.consultation.rest.ConsultationSummary;
import org.waarom.api.element.Content;

import java.util.ArrayList;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Adds up a round's feedback into its summary: counts per stance, per audience and per anchor. A pure function of plain
 * values, with no database, clock or CDI (issue 17: tested without Quarkus).
 */
final class ConsultationSummaries {

    /** What the summary counts of one feedback: the audience it speaks for, its item key (null: the statement) and its stance. */
    record Counted(Audience audience, String anchorItem, Stance stance) {
    }

    private ConsultationSummaries() {
    }

    /**
     * The summary of {@code feedback} in a round that asks {@code audiences} about {@code content}. Every stance and every
     * audience of the round is there, with 0 where none; the anchors are the statement (when the content has one that is
     * not blank) and then every item in the content's order, each with 0 where none.
     */
    static ConsultationSummary of(List<Audience> audiences, Content content, List<Counted> feedback) {
        Map<Audience, Long> byAudience = new EnumMap<>(Audience.class);
        audiences.forEach(audience -> byAudience.put(audience, 0L));
        feedback.forEach(given -> byAudience.merge(given.audience(), 1L, Long::sum));
        List<String> anchors = new ArrayList<>();
        if (content.statement() != null && !content.statement().isBlank()) {
            anchors.add(null);
        }
        content.items().forEach(item -> anchors.add(item.key()));
        List<ConsultationSummary.AnchorCount> byAnchor = anchors.stream().map(item -> {
            List<Counted> on = feedback.stream().filter(given -> Objects.equals(given.anchorItem(), item)).toList();
            return new ConsultationSummary.AnchorCount(Anchor.of(item), on.size(), byStance(on));
        }).toList();
        return new ConsultationSummary(feedback.size(), byStance(feedback), byAudience, byAnchor);
    }

    /** Counts per stance, every stance with 0 where none. */
    static Map<Stance, Long> byStance(List<Counted> feedback) {
        Map<Stance, Long> counts = new EnumMap<>(Stance.class);
        for (Stance stance : Stance.values()) {
            counts.put(stance, feedback.stream().filter(given -> given.stance() == stance).count());
        }
        return counts;
    }
}
