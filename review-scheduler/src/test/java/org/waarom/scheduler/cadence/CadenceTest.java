package org.waarom.scheduler.cadence;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.LocalDate;
import java.time.Period;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/**
 * The fixed cadence of a review cycle (docs/architecture.md#the-scheduler): anchor plus whole cycles, each
 * from the anchor.
 */
class CadenceTest {

    private static Cadence cadence(String anchor, String cycle) {
        return new Cadence(LocalDate.parse(anchor), Period.parse(cycle));
    }

    private static LocalDate date(String text) {
        return LocalDate.parse(text);
    }

    @Nested
    class DueDates {

        @Test
        void areTheAnchorPlusWholeCyclesAndNotTheAnchorItself() {
            Cadence yearly = cadence("2025-01-01", "P1Y");

            assertThat(yearly.firstDueDate()).isEqualTo(date("2026-01-01"));
            assertThat(yearly.dueDate(2)).isEqualTo(date("2027-01-01"));
            assertThat(yearly.latestDueOnOrBefore(date("2025-01-01"))).isEmpty();
        }

        @Test
        void monthEndsAreComputedFromTheAnchorSoTheyDoNotDrift() {
            Cadence monthly = cadence("2024-01-31", "P1M");

            // Adding a month to the previous due date would give 29 Feb, 29 Mar, 29 Apr, …
            assertThat(monthly.dueDate(1)).isEqualTo(date("2024-02-29"));
            assertThat(monthly.dueDate(2)).isEqualTo(date("2024-03-31"));
            assertThat(monthly.dueDate(3)).isEqualTo(date("2024-04-30"));
            assertThat(monthly.dueDate(13)).isEqualTo(date("2025-02-28"));
            assertThat(monthly.nextDueAfter(date("2024-02-29"))).isEqualTo(date("2024-03-31"));
            assertThat(monthly.latestDueOnOrBefore(date("2024-03-30"))).contains(date("2024-02-29"));
        }

        @Test
        void aLeapDayAnchorFallsOnTheLastOfFebruaryInOtherYearsAndBackOnTheLeapDay() {
            Cadence yearly = cadence("2024-02-29", "P1Y");

            assertThat(yearly.dueDate(1)).isEqualTo(date("2025-02-28"));
            assertThat(yearly.dueDate(3)).isEqualTo(date("2027-02-28"));
            assertThat(yearly.dueDate(4)).isEqualTo(date("2028-02-29"));
            assertThat(yearly.nextDueAfter(date("2028-02-28"))).isEqualTo(date("2028-02-29"));
            assertThat(yearly.latestDueOnOrBefore(date("2028-03-01"))).contains(date("2028-02-29"));
        }

        @Test
        void dayCyclesCountDaysAcrossTheLeapDay() {
            Cadence thirtyDays = cadence("2024-02-01", "P30D");

            assertThat(thirtyDays.firstDueDate()).isEqualTo(date("2024-03-02"));
            assertThat(thirtyDays.nextDueAfter(date("2024-03-02"))).isEqualTo(date("2024-04-01"));
        }

        @Test
        void mixedPeriodsMultiplyEveryPart() {
            Cadence cadence = cadence("2025-01-31", "P1Y1M");

            assertThat(cadence.dueDate(1)).isEqualTo(date("2026-02-28"));
            assertThat(cadence.dueDate(2)).isEqualTo(date("2027-03-31"));
        }

        @Test
        void countFromOne() {
            assertThatThrownBy(() -> cadence("2025-01-01", "P1Y").dueDate(0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

    @Nested
    class LatestAndNext {

        @ParameterizedTest(name = "{0} + {1} on {2}: latest {3}, next {4}")
        @CsvSource({
                // anchor,   cycle, today,        latest due,  next due
                "2025-01-01, P3Y,  2027-12-31,   ,            2028-01-01",
                "2025-01-01, P3Y,  2028-01-01,   2028-01-01,  2031-01-01",
                "2025-01-01, P3Y,  2028-01-02,   2028-01-01,  2031-01-01",
                "2025-01-01, P1Y,  2025-06-30,   ,            2026-01-01",
                "2025-03-15, P6M,  2026-03-14,   2025-09-15,  2026-03-15",
                "2025-03-15, P6M,  2026-03-15,   2026-03-15,  2026-09-15",
                "2023-08-31, P6M,  2024-03-01,   2024-02-29,  2024-08-31",
        })
        void aroundDueDates(String anchor, String cycle, String today, String latest, String next) {
            Cadence cadence = cadence(anchor, cycle);

            if (latest == null) {
                assertThat(cadence.latestDueOnOrBefore(date(today))).isEmpty();
            } else {
                assertThat(cadence.latestDueOnOrBefore(date(today))).contains(date(latest));
            }
            assertThat(cadence.nextDueAfter(date(today))).isEqualTo(date(next));
        }

        @Test
        void anAnchorInTheFutureHasNothingDueAndItsFirstCycleNext() {
            Cadence future = cadence("2030-06-15", "P1Y");

            assertThat(future.latestDueOnOrBefore(date("2026-01-01"))).isEmpty();
            assertThat(future.nextDueAfter(date("2026-01-01"))).isEqualTo(date("2031-06-15"));
        }

        @Test
        void anAnchorFarInThePastGivesOnlyTheLatestDueDate() {
            Cadence daily = cadence("1900-01-01", "P1D");
            Cadence monthly = cadence("1901-01-31", "P1M");
            Cadence yearly = cadence("1904-02-29", "P1Y");

            assertThat(daily.latestDueOnOrBefore(date("2026-05-20"))).contains(date("2026-05-20"));
            assertThat(daily.nextDueAfter(date("2026-05-20"))).isEqualTo(date("2026-05-21"));
            assertThat(monthly.latestDueOnOrBefore(date("2026-05-20"))).contains(date("2026-04-30"));
            assertThat(monthly.nextDueAfter(date("2026-05-20"))).isEqualTo(date("2026-05-31"));
            assertThat(yearly.latestDueOnOrBefore(date("2026-05-20"))).contains(date("2026-02-28"));
            assertThat(yearly.nextDueAfter(date("2026-05-20"))).isEqualTo(date("2027-02-28"));
        }

        @Test
        void latestAndNextAgreeWithCountingEveryCycleFromTheAnchor() {
            // Brute force over ten years of days, for month-end, leap-day and day-based cycles.
            for (Cadence cadence : new Cadence[]{cadence("2020-01-31", "P1M"), cadence("2020-02-29", "P1Y"),
                    cadence("2019-12-31", "P3M"), cadence("2020-01-10", "P45D"), cadence("2020-05-31", "P1Y1M1D")}) {
                for (LocalDate today = date("2019-01-01"); today.isBefore(date("2030-01-01")); today = today.plusDays(1)) {
                    LocalDate latest = null;
                    LocalDate next = null;
                    for (int k = 1; next == null; k++) {
                        LocalDate due = cadence.anchor().plus(cadence.cycle().multipliedBy(k));
                        if (due.isAfter(today)) {
                            next = due;
                        } else {
                            latest = due;
                        }
                    }
                    assertThat(cadence.latestDueOnOrBefore(today).orElse(null)).as("%s on %s", cadence, today).isEqualTo(latest);
                    assertThat(cadence.nextDueAfter(today)).as("%s on %s", cadence, today).isEqualTo(next);
                }
            }
        }
    }

    @Test
    void aCycleMustBePositive() {
        assertThatThrownBy(() -> cadence("2025-01-01", "P0D")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> cadence("2025-01-01", "P-1Y")).isInstanceOf(IllegalArgumentException.class);
    }
}
