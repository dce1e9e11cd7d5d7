package org.waarom.scheduler.reminder;

import org.junit.jupiter.api.Test;
import org.waarom.scheduler.api.Recipient;
import org.waarom.scheduler.api.Reminder.Kind;
import org.waarom.scheduler.api.ReviewPolicy;

import java.time.LocalDate;
import java.time.Period;
import java.util.List;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;

/** Which reminder a task is owed on which day, at every boundary, and who gets it. */
class ReminderScheduleTest {

    private static final LocalDate DUE = LocalDate.parse("2027-01-01");
    private static final Period BEFORE = Period.ofDays(30);
    private static final Period AFTER = Period.ofDays(14);

    private static final Recipient AN = new Recipient("An", "an@example.org");
    private static final Recipient BERT = new Recipient("Bert", "bert@example.org");
    private static final Recipient DIRECTOR = new Recipient("Dirk", "directie@example.org");

    private static Optional<Kind> on(String day) {
        return ReminderSchedule.owed(DUE, BEFORE, AFTER, LocalDate.parse(day));
    }

    @Test
    void nothingBeforeTheRemindBeforeWindow() {
        assertThat(on("2026-12-01")).isEmpty();
        assertThat(on("2026-06-01")).isEmpty();
    }

    @Test
    void upcomingFromTheFirstDayOfTheWindowUntilTheDayBeforeDue() {
        assertThat(on("2026-12-02")).contains(Kind.UPCOMING);
        assertThat(on("2026-12-31")).contains(Kind.UPCOMING);
    }

    @Test
    void dueOnTheDueDate() {
        assertThat(on("2027-01-01")).contains(Kind.DUE);
    }

    @Test
    void overdueFromTheDayAfterUntilEscalateAfterHasPassed() {
        assertThat(on("2027-01-02")).contains(Kind.OVERDUE);
        assertThat(on("2027-01-15")).contains(Kind.OVERDUE);
    }

    @Test
    void escalationTheDayAfterThat() {
        assertThat(on("2027-01-16")).contains(Kind.ESCALATION);
        assertThat(on("2028-01-01")).contains(Kind.ESCALATION);
    }

    @Test
    void monthsCountAsCalendarMonths() {
        LocalDate due = LocalDate.parse("2027-03-31");
        assertThat(ReminderSchedule.owed(due, Period.ofMonths(1), AFTER, LocalDate.parse("2027-02-27"))).isEmpty();
        // 31 March minus one month is 28 February.
        assertThat(ReminderSchedule.owed(due, Period.ofMonths(1), AFTER, LocalDate.parse("2027-02-28"))).contains(Kind.UPCOMING);
    }

    @Test
    void thePolicysPeriodsApplyAndMissingOnesDefault() {
        ReviewPolicy shortNotice = policy("P7D", "P1D", List.of(AN), List.of());
        assertThat(ReminderSchedule.owed(DUE, Optional.of(shortNotice), LocalDate.parse("2026-12-24"))).isEmpty();
        assertThat(ReminderSchedule.owed(DUE, Optional.of(shortNotice), LocalDate.parse("2026-12-25"))).contains(Kind.UPCOMING);
        assertThat(ReminderSchedule.owed(DUE, Optional.of(shortNotice), LocalDate.parse("2027-01-03"))).contains(Kind.ESCALATION);

        // No policy, or unusable periods: 30 days before, 14 days after.
        ReviewPolicy malformed = policy("soon", "-P1D", List.of(AN), List.of());
        for (Optional<ReviewPolicy> policy : List.of(Optional.<ReviewPolicy>empty(), Optional.of(malformed))) {
            assertThat(ReminderSchedule.owed(DUE, policy, LocalDate.parse("2026-12-01"))).isEmpty();
            assertThat(ReminderSchedule.owed(DUE, policy, LocalDate.parse("2026-12-02"))).contains(Kind.UPCOMING);
            assertThat(ReminderSchedule.owed(DUE, policy, LocalDate.parse("2027-01-15"))).contains(Kind.OVERDUE);
            assertThat(ReminderSchedule.owed(DUE, policy, LocalDate.parse("2027-01-16"))).contains(Kind.ESCALATION);
        }
    }

    @Test
    void aDisabledPolicyStillRemindsOfTheTasksThatExist() {
        ReviewPolicy disabled = new ReviewPolicy("zorg-a", "vision", false, "P3Y", DUE, false, "P30D", "P14D",
                List.of(AN), List.of(DIRECTOR));

        assertThat(ReminderSchedule.owed(DUE, Optional.of(disabled), DUE)).contains(Kind.DUE);
        assertThat(ReminderSchedule.addressees(Kind.DUE, Optional.of(disabled)).to()).containsExactly(AN);
    }

    @Test
    void remindersGoToTheAssignees() {
        ReviewPolicy policy = policy("P30D", "P14D", List.of(AN, BERT), List.of(DIRECTOR));

        for (Kind kind : List.of(Kind.UPCOMING, Kind.DUE, Kind.OVERDUE)) {
            ReminderSchedule.Addressees addressees = ReminderSchedule.addressees(kind, Optional.of(policy));
            assertThat(addressees.to()).containsExactly(AN, BERT);
            assertThat(addressees.cc()).isEmpty();
        }
    }

    @Test
    void anEscalationGoesToEscalateToWithTheAssigneesInCopy() {
        ReviewPolicy policy = policy("P30D", "P14D", List.of(AN, BERT), List.of(DIRECTOR));

        ReminderSchedule.Addressees addressees = ReminderSchedule.addressees(Kind.ESCALATION, Optional.of(policy));

        assertThat(addressees.to()).containsExactly(DIRECTOR);
        assertThat(addressees.cc()).containsExactly(AN, BERT);
        assertThat(addressees.all()).containsExactly(DIRECTOR, AN, BERT);
    }

    @Test
    void nobodyIsAddressedTwiceAndPeopleWithoutAnAddressAreLeftOut() {
        Recipient anAgain = new Recipient("An Peeters", "AN@example.org ");
        ReviewPolicy policy = policy("P30D", "P14D", List.of(AN, anAgain, new Recipient("Nobody", " ")), List.of(AN, DIRECTOR));

        assertThat(ReminderSchedule.addressees(Kind.DUE, Optional.of(policy)).to()).containsExactly(AN);
        ReminderSchedule.Addressees escalation = ReminderSchedule.addressees(Kind.ESCALATION, Optional.of(policy));
        assertThat(escalation.to()).containsExactly(AN, DIRECTOR);
        assertThat(escalation.cc()).isEmpty();
    }

    @Test
    void withoutPeopleInThePolicyNobodyIsAddressed() {
        assertThat(ReminderSchedule.addressees(Kind.UPCOMING, Optional.empty()).isEmpty()).isTrue();
        ReviewPolicy noEscalation = policy("P30D", "P14D", List.of(AN), List.of());
        assertThat(ReminderSchedule.addressees(Kind.ESCALATION, Optional.of(noEscalation)).isEmpty()).isTrue();
    }

    private static ReviewPolicy policy(String remindBefore, String escalateAfter, List<Recipient> assignees, List<Recipient> escalateTo) {
        return new ReviewPolicy("zorg-a", "vision", true, "P3Y", LocalDate.parse("2024-01-01"), true,
                remindBefore, escalateAfter, assignees, escalateTo);
    }
}
