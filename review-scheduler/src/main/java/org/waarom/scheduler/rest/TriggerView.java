package org.waarom.scheduler.rest;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.Trigger;
import org.waarom.scheduler.policy.CycleTriggers;

import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Date;
import java.util.List;
import java.util.Optional;

/** Reads the cycle triggers out of the job store for {@link TriggersResource}. */
@ApplicationScoped
public class TriggerView {

    /** One scheduled cycle review. Times are UTC instants; {@code state} is Quartz's trigger state. */
    public record ScheduledCycle(String organization, String element, String cycle, LocalDate anchorDate,
                                 Instant nextFireTime, Instant previousFireTime, String state) {
    }

    /** A page of them, in the API's list shape. */
    public record Page(List<ScheduledCycle> items, int page, int size, long total) {
    }

    @Inject
    Scheduler quartz;

    @Inject
    CycleTriggers triggers;

    Page page(Optional<String> organization, int page, int size) {
        List<JobKey> keys = triggers.scheduledJobs().stream()
                .filter(key -> organization.map(org -> key.getName().startsWith(org + "/")).orElse(true))
                .sorted(Comparator.comparing(JobKey::getName))
                .toList();
        List<ScheduledCycle> items = new ArrayList<>();
        long from = (long) page * size;
        for (JobKey key : keys.subList((int) Math.min(from, keys.size()), (int) Math.min(from + size, keys.size()))) {
            read(key).ifPresent(items::add);
        }
        return new Page(items, page, size, keys.size());
    }

    private Optional<ScheduledCycle> read(JobKey key) {
        try {
            JobDetail job = quartz.getJobDetail(key);
            if (job == null) {
                return Optional.empty(); // removed since the keys were listed
            }
            CycleTriggers.CyclePolicy policy = CycleTriggers.policyOf(job);
            Trigger trigger = quartz.getTrigger(CycleTriggers.triggerKey(key));
            return Optional.of(new ScheduledCycle(
                    policy.organization(),
                    policy.element(),
                    policy.cadence().cycle().toString(),
                    policy.cadence().anchor(),
                    trigger == null ? null : instant(trigger.getNextFireTime()),
                    trigger == null ? null : instant(trigger.getPreviousFireTime()),
                    trigger == null ? "NONE" : quartz.getTriggerState(trigger.getKey()).name()));
        } catch (SchedulerException e) {
            throw new IllegalStateException("Could not read cycle trigger " + key, e);
        }
    }

    private static Instant instant(Date date) {
        return date == null ? null : date.toInstant();
    }
}
