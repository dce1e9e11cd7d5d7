package org.waarom.api.consultation.service;

import org.junit.jupiter.api.Test;
import org.waarom.api.consultation.Stance;
import org.waarom.api.consultation.rest.Anchor;
import org.waarom.api.consultation.rest.ConsultationSummary;
import org.waarom.api.consultation.rest.ConsultationSummary.AnchorCount;
import org.waarom.api.consultation.service.ConsultationSummaries.Counted;
import org.waarom.api.element.Content;

import java.util.Arrays;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.entry;
import static org.waarom.api.consultation.Audience.CLIENTS;
import static org.waarom.api.consultation.Audience.EMPLOYEES;
import static org.waarom.api.consultation.Audience.PARTNERS;
import static org.waarom.api.consultation.Stance.CONCERN;
import static org.waarom.api.consultation.Stance.SUGGESTION;
import static org.waarom.api.consultation.Stance.SUPPORT;

/** What a round's feedback adds up to: counts per stance, audience and anchor (issue 17: no Quarkus, no database). */
class ConsultationSummariesTest {

    private static final Content VISION = content("Wij streven naar een samenleving waarin iedereen meetelt.", "inclusie", "netwerk");
    private static final Map<Stance, Long> NONE = Map.of(SUPPORT, 0L, CONCERN, 0L, SUGGESTION, 0L);

    @Test
    void withoutFeedbackEveryStanceAudienceAndAnchorIsThereWithZero() {
        ConsultationSummary summary = ConsultationSummaries.of(List.of(EMPLOYEES, CLIENTS), VISION, List.of());

        assertThat(summary.total()).isZero();
        assertThat(summary.byStance()).containsExactly(entry(SUPPORT, 0L), entry(CONCERN, 0L), entry(SUGGESTION, 0L));
        assertThat(summary.byAudience()).containsExactly(entry(EMPLOYEES, 0L), entry(CLIENTS, 0L));
        assertThat(summary.byAnchor()).containsExactly(
                new AnchorCount(Anchor.of(null), 0, NONE), new AnchorCount(Anchor.of("inclusie"), 0, NONE), new AnchorCount(Anchor.of("netwerk"), 0, NONE));
    }

    @Test
    void theStatementIsAnAnchorOnlyWhenItIsNotBlank() {
        for (String none : new String[] {null, "", "  \n"}) {
            assertThat(ConsultationSummaries.of(List.of(EMPLOYEES), content(none, "respect", "moed"), List.of()).byAnchor())
                    .extracting(AnchorCount::anchor).containsExactly(Anchor.of("respect"), Anchor.of("moed"));
        }
        assertThat(ConsultationSummaries.of(List.of(EMPLOYEES), content(" "), List.of()).byAnchor()).isEmpty();
        assertThat(ConsultationSummaries.of(List.of(EMPLOYEES), content("Wij zijn er."), List.of()).byAnchor())
                .containsExactly(new AnchorCount(new Anchor(null, true), 0, NONE));
    }

    @Test
    void feedbackOnTheStatementCountsApartFromFeedbackOnTheItemsAndTheItemsKeepTheVersionsOrder() {
        ConsultationSummary summary = ConsultationSummaries.of(List.of(EMPLOYEES), content("Wij zijn er.", "netwerk", "inclusie"), List.of(
                new Counted(EMPLOYEES, null, SUPPORT),
                new Counted(EMPLOYEES, "inclusie", CONCERN),
                new Counted(EMPLOYEES, null, CONCERN),
                new Counted(EMPLOYEES, "inclusie", CONCERN)));

        assertThat(summary.byAnchor()).containsExactly(
                new AnchorCount(Anchor.of(null), 2, Map.of(SUPPORT, 1L, CONCERN, 1L, SUGGESTION, 0L)),
                new AnchorCount(Anchor.of("netwerk"), 0, NONE),
                new AnchorCount(Anchor.of("inclusie"), 2, Map.of(SUPPORT, 0L, CONCERN, 2L, SUGGESTION, 0L)));
        assertThat(summary.byAnchor().get(0).byStance()).containsExactly(entry(SUPPORT, 1L), entry(CONCERN, 1L), entry(SUGGESTION, 0L));
    }

    @Test
    void itCountsPerAudienceWithZeroForAnAudienceThatDidNotAnswer() {
        ConsultationSummary summary = ConsultationSummaries.of(List.of(EMPLOYEES, CLIENTS, PARTNERS), VISION, List.of(
                new Counted(CLIENTS, "inclusie", SUPPORT),
                new Counted(EMPLOYEES, null, SUPPORT),
                new Counted(CLIENTS, "netwerk", CONCERN)));

        assertThat(summary.byAudience()).containsExactly(entry(EMPLOYEES, 1L), entry(CLIENTS, 2L), entry(PARTNERS, 0L));
    }

    /** The round of ConsultationTest.theSummaryCountsPerStanceAnchorAndAudience, counted without HTTP. */
    @Test
    void theTotalsAddUpOverStancesAudiencesAndAnchors() {
        ConsultationSummary summary = ConsultationSummaries.of(List.of(EMPLOYEES, CLIENTS, PARTNERS), VISION, List.of(
                new Counted(EMPLOYEES, null, SUPPORT),
                new Counted(EMPLOYEES, "inclusie", CONCERN),
                new Counted(CLIENTS, "inclusie", SUGGESTION),
                new Counted(CLIENTS, "inclusie", SUPPORT)));

        assertThat(summary.total()).isEqualTo(4);
        assertThat(summary.byStance()).containsExactly(entry(SUPPORT, 2L), entry(CONCERN, 1L), entry(SUGGESTION, 1L));
        assertThat(summary.byAudience()).containsExactly(entry(EMPLOYEES, 2L), entry(CLIENTS, 2L), entry(PARTNERS, 0L));
        assertThat(summary.byAnchor()).containsExactly(
                new AnchorCount(Anchor.of(null), 1, Map.of(SUPPORT, 1L, CONCERN, 0L, SUGGESTION, 0L)),
                new AnchorCount(Anchor.of("inclusie"), 3, Map.of(SUPPORT, 1L, CONCERN, 1L, SUGGESTION, 1L)),
                new AnchorCount(Anchor.of("netwerk"), 0, NONE));
    }

    @Test
    void feedbackOnAnItemTheTextNoLongerHasCountsInTheTotalsButUnderNoAnchor() {
        // A closed round's version is a draft again and can lose an item that got feedback.
        ConsultationSummary summary = ConsultationSummaries.of(List.of(EMPLOYEES), content(null, "inclusie"), List.of(
                new Counted(EMPLOYEES, "netwerk", CONCERN),
                new Counted(EMPLOYEES, "inclusie", SUPPORT)));

        assertThat(summary.total()).isEqualTo(2);
        assertThat(summary.byStance()).containsExactly(entry(SUPPORT, 1L), entry(CONCERN, 1L), entry(SUGGESTION, 0L));
        assertThat(summary.byAudience()).containsExactly(entry(EMPLOYEES, 2L));
        assertThat(summary.byAnchor()).containsExactly(new AnchorCount(Anchor.of("inclusie"), 1, Map.of(SUPPORT, 1L, CONCERN, 0L, SUGGESTION, 0L)));
    }

    private static Content content(String statement, String... keys) {
        return new Content(statement, Arrays.stream(keys).map(key -> new Content.Item(key, key, null, List.of())).toList());
    }
}
