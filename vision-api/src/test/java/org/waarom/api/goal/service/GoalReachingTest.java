package org.waarom.api.goal.service;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.waarom.api.goal.Direction;
import org.waarom.api.goal.Goal;
import org.waarom.api.goal.GoalKind;
import org.waarom.api.goal.GoalStatus;
import org.waarom.api.goal.Indicator;
import org.waarom.api.goal.Measurement;

import java.math.BigDecimal;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

/** The reaching rules and progress of goals (docs/api-guide.md#goals-and-indicators), without a database. */
class GoalReachingTest {

    @Nested
    class TargetMet {

        @Test
        void anIncreaseIndicatorMeetsItsTargetAtOrAboveIt() {
            Indicator indicator = indicator(Direction.INCREASE, "40", "60");
            assertThat(GoalReaching.attainment(indicator, measured("59.999999")).met()).isFalse();
            assertThat(GoalReaching.attainment(indicator, measured("60")).met()).isTrue();
            assertThat(GoalReaching.attainment(indicator, measured("60.000000")).met()).as("compared by value, not by scale").isTrue();
            assertThat(GoalReaching.attainment(indicator, measured("75")).met()).isTrue();
        }

        @Test
        void aDecreaseIndicatorMeetsItsTargetAtOrBelowIt() {
            Indicator indicator = indicator(Direction.DECREASE, "90", "30");
            assertThat(GoalReaching.attainment(indicator, measured("60")).met()).isFalse();
            assertThat(GoalReaching.attainment(indicator, measured("30.000001")).met()).isFalse();
            assertThat(GoalReaching.attainment(indicator, measured("30")).met()).isTrue();
            assertThat(GoalReaching.attainment(indicator, measured("-5")).met()).isTrue();
        }

        @Test
        void withoutAMeasurementNoTargetIsMet() {
            Indicator indicator = indicator(Direction.INCREASE, "40", "60");
            assertThat(GoalReaching.attainment(indicator, Optional.empty())).isEqualTo(new GoalReaching.Attainment(false, false));
            indicator.targetMet = true; // e.g. met before; without a measurement that counts it is no longer
            assertThat(GoalReaching.attainment(indicator, Optional.empty())).isEqualTo(new GoalReaching.Attainment(false, false));
        }

        @Test
        void onlyTheChangeFromNotMetToMetIsNew() {
            Indicator indicator = indicator(Direction.INCREASE, "40", "60");
            assertThat(GoalReaching.attainment(indicator, measured("60"))).isEqualTo(new GoalReaching.Attainment(true, true));
            indicator.targetMet = true;
            assertThat(GoalReaching.attainment(indicator, measured("65"))).as("still met: nothing new")
                    .isEqualTo(new GoalReaching.Attainment(true, false));
            assertThat(GoalReaching.attainment(indicator, measured("50"))).as("no longer met: nothing new either")
                    .isEqualTo(new GoalReaching.Attainment(false, false));
        }

        @Test
        void aRevisedTargetIsJudgedAgainstTheSameMeasurement() {
            Indicator indicator = indicator(Direction.INCREASE, "40", "60");
            indicator.targetMet = true;
            indicator.target = new BigDecimal("70");
            assertThat(GoalReaching.attainment(indicator, measured("65"))).isEqualTo(new GoalReaching.Attainment(false, false));
            indicator.targetMet = false;
            indicator.target = new BigDecimal("62");
            assertThat(GoalReaching.attainment(indicator, measured("65"))).isEqualTo(new GoalReaching.Attainment(true, true));
        }
    }

    @Nested
    class ReachedByIndicators {

        @Test
        void anOpenOperationalGoalIsReachedWhenEveryIndicatorMeetsItsTarget() {
            Goal goal = goal(GoalKind.OPERATIONAL, GoalStatus.OPEN);
            assertThat(GoalReaching.reachedByIndicators(goal, List.of(met(true), met(true)))).isTrue();
            assertThat(GoalReaching.reachedByIndicators(goal, List.of(met(true), met(false)))).isFalse();
        }

        @Test
        void aGoalWithoutIndicatorsIsNotReachedByThem() {
            assertThat(GoalReaching.reachedByIndicators(goal(GoalKind.OPERATIONAL, GoalStatus.OPEN), List.of())).isFalse();
        }

        @Test
        void aStrategicGoalIsNeverReachedByItsOwnIndicators() {
            Goal strategic = goal(GoalKind.STRATEGIC, GoalStatus.OPEN);
            assertThat(GoalReaching.reachableByIndicators(strategic)).isFalse();
            assertThat(GoalReaching.reachedByIndicators(strategic, List.of(met(true)))).isFalse();
        }

        @Test
        void aGoalThatIsNotOpenIsNotReachedAgain() {
            for (GoalStatus status : List.of(GoalStatus.REACHED, GoalStatus.ABANDONED)) {
                Goal goal = goal(GoalKind.OPERATIONAL, status);
                assertThat(GoalReaching.reachableByIndicators(goal)).as(status.name()).isFalse();
                assertThat(GoalReaching.reachedByIndicators(goal, List.of(met(true)))).as(status.name()).isFalse();
            }
            assertThat(GoalReaching.reachableByIndicators(goal(GoalKind.OPERATIONAL, GoalStatus.OPEN))).isTrue();
        }
    }

    @Nested
    class ReachedByOperationalGoals {

        @Test
        void anOpenStrategicGoalIsReachedWhenAllItsOperationalGoalsAre() {
            Goal strategic = goal(GoalKind.STRATEGIC, GoalStatus.OPEN);
            assertThat(GoalReaching.reachedByOperationalGoals(strategic, operational(GoalStatus.REACHED, GoalStatus.REACHED))).isTrue();
            assertThat(GoalReaching.reachedByOperationalGoals(strategic, operational(GoalStatus.REACHED, GoalStatus.OPEN))).isFalse();
        }

        @Test
        void abandonedOperationalGoalsDoNotCount() {
            Goal strategic = goal(GoalKind.STRATEGIC, GoalStatus.OPEN);
            assertThat(GoalReaching.reachedByOperationalGoals(strategic,
                    operational(GoalStatus.REACHED, GoalStatus.ABANDONED, GoalStatus.REACHED))).isTrue();
        }

        @Test
        void aStrategicGoalWithoutCountingOperationalGoalsIsNotReachedByThem() {
            Goal strategic = goal(GoalKind.STRATEGIC, GoalStatus.OPEN);
            assertThat(GoalReaching.reachedByOperationalGoals(strategic, List.of())).isFalse();
            assertThat(GoalReaching.reachedByOperationalGoals(strategic, operational(GoalStatus.ABANDONED, GoalStatus.ABANDONED))).isFalse();
        }

        @Test
        void aStrategicGoalThatIsNotOpenIsNotReachedAgain() {
            for (GoalStatus status : List.of(GoalStatus.REACHED, GoalStatus.ABANDONED)) {
                assertThat(GoalReaching.reachedByOperationalGoals(goal(GoalKind.STRATEGIC, status), operational(GoalStatus.REACHED)))
                        .as(status.name()).isFalse();
            }
        }
    }

    @Nested
    class IndicatorProgress {

        @Test
        void anIncreaseIndicatorProgressesFromBaselineTowardsTarget() {
            assertThat(progress(Direction.INCREASE, "40", "60", "50")).isEqualByComparingTo("50.0");
            assertThat(progress(Direction.INCREASE, "40", "60", "40")).isEqualByComparingTo("0.0");
            assertThat(progress(Direction.INCREASE, "40", "60", "60")).isEqualByComparingTo("100.0");
        }

        @Test
        void aDecreaseIndicatorProgressesDownwards() {
            assertThat(progress(Direction.DECREASE, "90", "30", "60")).isEqualByComparingTo("50.0");
            assertThat(progress(Direction.DECREASE, "90", "30", "30")).isEqualByComparingTo("100.0");
        }

        @Test
        void progressStopsAtZeroAndAHundred() {
            assertThat(progress(Direction.INCREASE, "40", "60", "80")).isEqualByComparingTo("100.0");
            assertThat(progress(Direction.INCREASE, "40", "60", "10")).isEqualByComparingTo("0.0");
            assertThat(progress(Direction.DECREASE, "90", "30", "0")).isEqualByComparingTo("100.0");
            assertThat(progress(Direction.DECREASE, "90", "30", "120")).isEqualByComparingTo("0.0");
        }

        @Test
        void progressHasOneDecimalRoundedHalfUpSoJustBelowTheTargetShowsAHundredButIsNotMet() {
            assertThat(progress(Direction.INCREASE, "0", "3", "1")).hasToString("33.3");
            assertThat(progress(Direction.INCREASE, "0", "3", "2")).hasToString("66.7");
            assertThat(progress(Direction.INCREASE, "0", "1000", "0.5")).hasToString("0.1"); // 0.05 rounds up
            assertThat(progress(Direction.INCREASE, "40", "60", "59.999")).hasToString("100.0");
            assertThat(GoalReaching.attainment(indicator(Direction.INCREASE, "40", "60"), measured("59.999")).met()).isFalse();
        }

        @Test
        void progressIsAlwaysShownWithOneDecimal() {
            assertThat(progress(Direction.INCREASE, "40", "60", "60")).hasToString("100.0");
            assertThat(progress(Direction.INCREASE, "40", "60", "10")).hasToString("0.0");
        }

        @Test
        void anIndicatorWithoutAMeasurementHasProgressZero() {
            assertThat(GoalReaching.progress(indicator(Direction.INCREASE, "40", "60"), Optional.empty())).isEqualTo(BigDecimal.ZERO);
            assertThat(GoalReaching.progress(indicator(Direction.INCREASE, "40", "60"), measured("45"))).hasToString("25.0");
        }

        private BigDecimal progress(Direction direction, String baseline, String target, String value) {
            return GoalReaching.progress(indicator(direction, baseline, target), measured(value));
        }
    }

    @Nested
    class GoalProgress {

        private final Function<Goal, BigDecimal> noChildren = child -> fail("no operational goal to ask about");

        @Test
        void aReachedGoalIsAtAHundredWhateverItsIndicatorsSay() {
            Goal goal = goal(GoalKind.OPERATIONAL, GoalStatus.REACHED);
            assertThat(GoalReaching.progress(goal, List.of(), noChildren, List.of(new BigDecimal("10.0")))).hasToString("100");
        }

        @Test
        void aGoalWithoutOperationalGoalsAveragesItsIndicatorsToOneDecimal() {
            Goal goal = goal(GoalKind.OPERATIONAL, GoalStatus.OPEN);
            assertThat(GoalReaching.progress(goal, List.of(), noChildren, decimals("100.0", "50.0"))).hasToString("75.0");
            assertThat(GoalReaching.progress(goal, List.of(), noChildren, decimals("100.0", "0", "0"))).hasToString("33.3");
            assertThat(GoalReaching.progress(goal, List.of(), noChildren, decimals("0.1", "0"))).hasToString("0.1"); // 0.05 rounds up
        }

        @Test
        void aGoalWithNothingToAverageIsAtZero() {
            Goal goal = goal(GoalKind.STRATEGIC, GoalStatus.OPEN);
            assertThat(GoalReaching.progress(goal, List.of(), noChildren, List.of())).hasToString("0.0");
        }

        @Test
        void aStrategicGoalAveragesItsOperationalGoalsNotItsIndicatorsNorTheAbandoned() {
            Goal strategic = goal(GoalKind.STRATEGIC, GoalStatus.OPEN);
            Goal reached = goal(GoalKind.OPERATIONAL, GoalStatus.REACHED);
            Goal halfway = goal(GoalKind.OPERATIONAL, GoalStatus.OPEN);
            Goal abandoned = goal(GoalKind.OPERATIONAL, GoalStatus.ABANDONED);
            Map<Goal, BigDecimal> progress = Map.of(reached, BigDecimal.valueOf(100), halfway, new BigDecimal("50.0"));
            Function<Goal, BigDecimal> progressOf = child -> {
                assertThat(child).as("an abandoned goal's progress is not even asked").isNotSameAs(abandoned);
                return progress.get(child);
            };
            assertThat(GoalReaching.progress(strategic, List.of(reached, halfway, abandoned), progressOf, decimals("0.0"))).hasToString("75.0");
        }

        @Test
        void aStrategicGoalWhoseOperationalGoalsAreAllAbandonedIsAtZeroEvenWithIndicators() {
            Goal strategic = goal(GoalKind.STRATEGIC, GoalStatus.OPEN);
            assertThat(GoalReaching.progress(strategic, List.of(goal(GoalKind.OPERATIONAL, GoalStatus.ABANDONED)), noChildren,
                    decimals("80.0"))).hasToString("0.0");
        }
    }

    // --- helpers ---

    private static Indicator indicator(Direction direction, String baseline, String target) {
        Indicator indicator = new Indicator();
        indicator.direction = direction;
        indicator.baseline = new BigDecimal(baseline);
        indicator.target = new BigDecimal(target);
        return indicator;
    }

    private static Indicator met(boolean met) {
        Indicator indicator = indicator(Direction.INCREASE, "0", "10");
        indicator.targetMet = met;
        return indicator;
    }

    private static Optional<Measurement> measured(String value) {
        Measurement measurement = new Measurement();
        measurement.value = new BigDecimal(value);
        return Optional.of(measurement);
    }

    private static Goal goal(GoalKind kind, GoalStatus status) {
        Goal goal = new Goal();
        goal.kind = kind;
        goal.status = status;
        return goal;
    }

    private static List<Goal> operational(GoalStatus... statuses) {
        return java.util.Arrays.stream(statuses).map(status -> goal(GoalKind.OPERATIONAL, status)).toList();
    }

    private static List<BigDecimal> decimals(String... values) {
        return java.util.Arrays.stream(values).map(BigDecimal::new).toList();
    }
}
