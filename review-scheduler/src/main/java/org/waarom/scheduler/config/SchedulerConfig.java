package org.waarom.scheduler.config;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import org.hibernate.validator.constraints.URL;
import org.hibernate.validator.constraints.time.DurationMin;

import java.time.Duration;
import java.time.LocalTime;
import java.util.Optional;

/**
 * The review-scheduler's own settings ({@code waarom.*}), each also settable through its
 * environment variable ({@code WAAROM_API_URL}, {@code WAAROM_EVENTS_POLL_INTERVAL}, …; see
 * the configuration table in deploy/README.md#configuration-environment). Checked at start-up: a zero or negative
 * interval, or an API address that is
 * not an http(s) URL, stops the service with a message naming the key.
 */
@ConfigMapping(prefix = "waarom")
public interface SchedulerConfig {

    /** A zero interval would make Quartz fire continuously; a negative one is meaningless. */
    String POSITIVE_DURATION = "must be a positive duration, such as PT5S or PT15M";
    String HTTP_URL = "must be an absolute http or https URL";

    /** Where the vision-api is and how the scheduler authenticates to it. */
    Api api();

    /** Reading the vision-api's event feed. */
    Events events();

    /** Reconciling review policies into Quartz triggers. */
    Policies policies();

    /** Looking for and sending reminders. */
    Reminders reminders();

    interface Api {
        /** Base URL of the vision-api ({@code WAAROM_API_URL}). */
        @WithDefault("http://localhost:8080")
        @URL(regexp = "^https?:.*", message = HTTP_URL)
        String url();

        /**
         * The scheduler's service API key ({@code WAAROM_API_KEY}); empty until the operator
         * creates one, since the API generates keys and shows them only once.
         */
        Optional<String> key();

        /**
         * How long without a useful answer from the vision-api (any replica's) before readiness
         * reports the API unreachable ({@code WAAROM_API_UNREACHABLE_AFTER}); a few poll intervals.
         * The service keeps running and catches up either way.
         */
        @WithDefault("PT1M")
        @DurationMin(nanos = 0, inclusive = false, message = POSITIVE_DURATION)
        Duration unreachableAfter();
    }

    interface Events {
        /** How often the event feed is read ({@code WAAROM_EVENTS_POLL_INTERVAL}). */
        @WithDefault("PT5S")
        @DurationMin(nanos = 0, inclusive = false, message = POSITIVE_DURATION)
        Duration pollInterval();
    }

    interface Policies {
        /**
         * How often all review policies are reconciled into triggers even without an event
         * ({@code WAAROM_POLICIES_SYNC_INTERVAL}); events make it sooner.
         */
        @WithDefault("PT1M")
        @DurationMin(nanos = 0, inclusive = false, message = POSITIVE_DURATION)
        Duration syncInterval();

        /**
         * The time of day (UTC) at which a cycle review falls due on its due date and its task is
         * created ({@code WAAROM_POLICIES_DUE_TIME}). A change applies to triggers as they are next
         * scheduled: after their next firing, or when their policy changes.
         */
        @WithDefault("06:00")
        LocalTime dueTime();
    }

    interface Reminders {
        /** How often the scheduler looks for reminders to send ({@code WAAROM_REMINDERS_INTERVAL}). */
        @WithDefault("PT15M")
        @DurationMin(nanos = 0, inclusive = false, message = POSITIVE_DURATION)
        Duration interval();

        /**
         * An incoming-webhook URL (Teams, Slack, …) that also receives reminders
         * ({@code WAAROM_REMINDERS_WEBHOOK_URL}); without it reminders go by e-mail only.
         */
        Optional<@URL(regexp = "^https?:.*", message = HTTP_URL) String> webhookUrl();
    }
}
