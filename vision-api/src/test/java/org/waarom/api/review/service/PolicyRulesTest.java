package org.waarom.api.review.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.review.rest.PolicyPerson;
import org.waarom.api.review.rest.ReviewPolicyRequest;

import java.time.LocalDate;
import java.time.Period;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/** What a review policy may say: defaults, the limits of its periods, its anchor date (issue 17: no Quarkus, no database). */
class PolicyRulesTest {

    private static final PolicyPerson AN = new PolicyPerson("An Peeters", "an@zorg-a.be");

    @Test
    void whatIsLeftOutTakesTheDefaultsAndWhatIsSentIsTrimmed() {
        ReviewPolicyRequest bare = request("P1Y", null, null, null);
        assertThat(PolicyRules.remindBefore(bare)).isEqualTo("P30D");
        assertThat(PolicyRules.escalateAfter(bare)).isEqualTo("P14D");
        assertThat(PolicyRules.escalateTo(bare)).isEmpty();
        ReviewPolicyRequest full = new ReviewPolicyRequest(true, "P1Y", null, false, " P10D ", " P7D", List.of(AN), List.of(AN));
        assertThat(PolicyRules.remindBefore(full)).isEqualTo("P10D");
        assertThat(PolicyRules.escalateAfter(full)).isEqualTo("P7D");
        assertThat(PolicyRules.escalateTo(full)).containsExactly(AN);
    }

    @Test
    void aValidPolicyHasNoErrors() {
        assertThat(PolicyRules.errors(request("P1Y", null, null, null))).isEmpty();
        assertThat(PolicyRules.errors(request(" P3Y ", "P0D", "P1Y", LocalDate.of(2025, 1, 1)))).isEmpty();
        assertThat(PolicyRules.errors(request("P1M", "P29D", "P1D", null))).isEmpty();
        assertThat(PolicyRules.errors(request("P10Y", "P1Y", "P1Y", null))).isEmpty();
    }

    @ParameterizedTest(name = "cycle \"{0}\" is refused")
    @ValueSource(strings = {"P29D", "P10Y1D", "P11Y", "-P1Y", "P-1M"})
    void aCycleOutsideAMonthToTenYearsIsRefused(String cycle) {
        assertThat(PolicyRules.errors(request(cycle, "P0D", null, null)))
                .containsExactly(new FieldError("cycle", "must lie between P1M and P10Y"));
    }

    @ParameterizedTest(name = "period \"{0}\" is not ISO-8601")
    @ValueSource(strings = {"1Y", "one year", "PT24H", "P1W1", ""})
    void aPeriodThatIsNotIso8601IsRefused(String period) {
        assertThat(PolicyRules.errors(request("P1Y", period, period, null))).containsExactly(
                new FieldError("remindBefore", "must be an ISO-8601 period such as P1Y, P6M or P30D"),
                new FieldError("escalateAfter", "must be an ISO-8601 period such as P1Y, P6M or P30D"));
    }

    @Test
    void remindBeforeLiesBetweenNoneAndAYearAndEscalateAfterBetweenADayAndAYear() {
        assertThat(PolicyRules.errors(request("P3Y", "P1Y1D", "P0D", null))).containsExactly(
                new FieldError("remindBefore", "must lie between P0D and P1Y"),
                new FieldError("escalateAfter", "must lie between P1D and P1Y"));
        assertThat(PolicyRules.errors(request("P3Y", "-P1D", "P13M", null))).containsExactly(
                new FieldError("remindBefore", "must lie between P0D and P1Y"),
                new FieldError("escalateAfter", "must lie between P1D and P1Y"));
    }

    @Test
    void theReminderComesBeforeTheCycleEndsAndTheDefaultSaysItIsTheDefault() {
        assertThat(PolicyRules.errors(request("P1M", "P30D", null, null)))
                .containsExactly(new FieldError("remindBefore", "must be shorter than the cycle"));
        assertThat(PolicyRules.errors(request("P1M", null, null, null)))
                .containsExactly(new FieldError("remindBefore", "must be shorter than the cycle: the default P30D is not; send a shorter one"));
    }

    @Test
    void theAnchorDateLiesBetween1900And2200() {
        assertThat(PolicyRules.errors(request("P1Y", null, null, LocalDate.of(1900, 1, 1)))).isEmpty();
        assertThat(PolicyRules.errors(request("P1Y", null, null, LocalDate.of(2200, 12, 31)))).isEmpty();
        assertThat(PolicyRules.errors(request("P1Y", null, null, LocalDate.of(1899, 12, 31))))
                .containsExactly(new FieldError("anchorDate", "must lie between 1900-01-01 and 2200-12-31"));
        assertThat(PolicyRules.errors(request("P1Y", null, null, LocalDate.of(2201, 1, 1))))
                .containsExactly(new FieldError("anchorDate", "must lie between 1900-01-01 and 2200-12-31"));
    }

    @Test
    void everyFieldIsReportedInTheOrderAClientReadsThem() {
        assertThat(PolicyRules.errors(request("yearly", "soon", "later", LocalDate.of(3000, 1, 1)))).extracting(FieldError::field)
                .containsExactly("cycle", "remindBefore", "escalateAfter", "anchorDate");
    }

    @Test
    void aPeriodWithinItsLimitsIsParsedAndOneOutsideAddsOneError() {
        List<FieldError> errors = new ArrayList<>();
        assertThat(PolicyRules.period("cycle", " P6M ", Period.ofMonths(1), Period.ofYears(10), errors)).isEqualTo(Period.ofMonths(6));
        assertThat(errors).isEmpty();
        assertThat(PolicyRules.period("cycle", "P0D", Period.ofMonths(1), Period.ofYears(10), errors)).isNull();
        assertThat(errors).containsExactly(new FieldError("cycle", "must lie between P1M and P10Y"));
    }

    @Test
    void approximateDaysCountAYearAs365DaysAndAMonthAs30() {
        assertThat(PolicyRules.approximateDays(Period.ZERO)).isZero();
        assertThat(PolicyRules.approximateDays(Period.of(1, 2, 3))).isEqualTo(365 + 60 + 3);
        assertThat(PolicyRules.approximateDays(Period.ofMonths(12))).isLessThan(PolicyRules.approximateDays(Period.ofYears(1)));
        assertThat(PolicyRules.approximateDays(Period.ofDays(-1))).isEqualTo(-1);
    }

    private static ReviewPolicyRequest request(String cycle, String remindBefore, String escalateAfter, LocalDate anchorDate) {
        return new ReviewPolicyRequest(true, cycle, anchorDate, false, remindBefore, escalateAfter, List.of(AN), null);
    }
}
