package org.waarom.api.consultation.service;

import org.assertj.core.api.ThrowableAssert.ThrowingCallable;
import org.junit.jupiter.api.Test;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.consultation.rest.Anchor;
import org.waarom.api.element.Content;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.waarom.api.consultation.Audience.CLIENTS;
import static org.waarom.api.consultation.Audience.EMPLOYEES;
import static org.waarom.api.consultation.Audience.PARTNERS;

/** The audience a participant answers as and the anchor of their feedback (issue 17: no Quarkus, no database). */
class FeedbackRulesTest {

    private static final String WHAT = "version 2 of the vision";
    private static final Content VISION = new Content("Wij streven naar een samenleving waarin iedereen meetelt.",
            List.of(new Content.Item("inclusie", "Inclusie", null, List.of()), new Content.Item("netwerk", "Sterk netwerk", null, List.of())));
    private static final Content VALUES = new Content(null, List.of(new Content.Item("respect", "Respect", null, List.of("We kloppen aan."))));

    // --- audience ----------------------------------------------------------------------------------

    @Test
    void anInvitationSetsTheAudienceAndNamingTheSameOneIsFine() {
        assertThat(FeedbackRules.audience(List.of(EMPLOYEES, CLIENTS), CLIENTS, null)).isEqualTo(CLIENTS);
        assertThat(FeedbackRules.audience(List.of(EMPLOYEES, CLIENTS), CLIENTS, CLIENTS)).isEqualTo(CLIENTS);
    }

    @Test
    void anInvitedParticipantCannotNameAnotherAudience() {
        assertRefused(() -> FeedbackRules.audience(List.of(EMPLOYEES, CLIENTS), CLIENTS, EMPLOYEES), "audience", "is set by your invitation: CLIENTS");
    }

    @Test
    void aParticipantWithAnAccountAnswersAsEmployeeUnlessTheyNameAnotherAudienceOfTheRound() {
        assertThat(FeedbackRules.audience(List.of(EMPLOYEES), null, null)).isEqualTo(EMPLOYEES);
        assertThat(FeedbackRules.audience(List.of(EMPLOYEES, PARTNERS), null, PARTNERS)).isEqualTo(PARTNERS);
    }

    @Test
    void anAudienceTheRoundDoesNotAskIsRefused() {
        assertRefused(() -> FeedbackRules.audience(List.of(EMPLOYEES), null, CLIENTS), "audience", "must be one of the round's audiences [EMPLOYEES]");
        assertRefused(() -> FeedbackRules.audience(List.of(CLIENTS, PARTNERS), null, null), "audience",
                "is required here (EMPLOYEES is not asked): must be one of the round's audiences [CLIENTS, PARTNERS]");
    }

    // --- anchor ------------------------------------------------------------------------------------

    @Test
    void anItemAnchorIsAnItemKeyOfTheVersion() {
        assertThat(FeedbackRules.anchorItem(new Anchor("netwerk", null), VISION, WHAT)).isEqualTo("netwerk");
        assertRefused(() -> FeedbackRules.anchorItem(new Anchor("respect", null), VISION, WHAT), "anchor.item",
                "names no item of version 2 of the vision; its items are [inclusie, netwerk]");
    }

    @Test
    void theStatementAnchorIsNullAndOnlyForAVersionWithAStatement() {
        assertThat(FeedbackRules.anchorItem(new Anchor(null, true), VISION, WHAT)).isNull();
        String noStatement = "cannot be used: version 2 of the vision has no statement; anchor the feedback to one of its items";
        assertRefused(() -> FeedbackRules.anchorItem(new Anchor(null, true), VALUES, WHAT), "anchor.statement", noStatement);
        assertRefused(() -> FeedbackRules.anchorItem(new Anchor(null, true), new Content(" ", VALUES.items()), WHAT), "anchor.statement", noStatement);
        assertThat(FeedbackRules.anchorItem(new Anchor("respect", null), VALUES, WHAT)).isEqualTo("respect");
    }

    @Test
    void anAnchorNamesExactlyOneOfAnItemAndTheStatement() {
        String both = "names either an item or the statement, not both";
        assertRefused(() -> FeedbackRules.anchorItem(new Anchor("inclusie", true), VISION, WHAT), "anchor", both);
        assertRefused(() -> FeedbackRules.anchorItem(new Anchor("inclusie", false), VISION, WHAT), "anchor", both);
        String neither = "needs an item key ({\"item\": \"respect\"}) or {\"statement\": true}";
        assertRefused(() -> FeedbackRules.anchorItem(new Anchor(null, null), VISION, WHAT), "anchor", neither);
        assertRefused(() -> FeedbackRules.anchorItem(new Anchor(null, false), VISION, WHAT), "anchor", neither);
    }

    private static void assertRefused(ThrowingCallable rule, String field, String message) {
        assertThatThrownBy(rule).isInstanceOfSatisfying(InvalidRequestException.class,
                refused -> assertThat(refused.errors()).containsExactly(new FieldError(field, message)));
    }
}
