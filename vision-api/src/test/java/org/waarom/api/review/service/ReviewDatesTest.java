package org.waarom.api.review.service;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;

import static org.assertj.core.api.Assertions.assertThat;

/** The dates a review may name (issue 17: no Quarkus, no database). */
class ReviewDatesTest {

    @Test
    void datesFrom1900To2200AreInRangeBothEndsIncluded() {
        assertThat(ReviewDates.inRange(LocalDate.of(1900, 1, 1))).isTrue();
        assertThat(ReviewDates.inRange(LocalDate.of(2026, 6, 30))).isTrue();
        assertThat(ReviewDates.inRange(LocalDate.of(2200, 12, 31))).isTrue();
        assertThat(ReviewDates.inRange(LocalDate.of(1899, 12, 31))).isFalse();
        assertThat(ReviewDates.inRange(LocalDate.of(2201, 1, 1))).isFalse();
        assertThat(ReviewDates.OUT_OF_RANGE).isEqualTo("must lie between 1900-01-01 and 2200-12-31");
    }
}
