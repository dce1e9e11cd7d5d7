package org.waarom.api.event.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.persistence.EntityManager;
import jakarta.transaction.Status;
import jakarta.transaction.Synchronization;
import jakarta.transaction.TransactionSynchronizationRegistry;
import jakarta.transaction.Transactional;
import org.jboss.logging.Logger;
import org.waarom.api.common.EventData;
import org.waarom.api.common.config.ScheduledWork;
import org.waarom.api.common.config.WaaromConfig;
import org.waarom.api.common.problem.ApiException;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.ProblemKind;
import org.waarom.api.event.Event;
import org.waarom.api.event.EventType;
import org.waarom.api.event.PayloadTypes;
import org.waarom.api.event.rest.EventPage;
import org.waarom.api.event.rest.EventView;
import org.waarom.api.organization.Organization;

import java.math.BigInteger;
import java.sql.Timestamp;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The event outbox and its feed. {@link #record} must be called inside the transaction of the
 * change it describes ({@code MANDATORY}): the event exists exactly when the change committed.
 *
 * <p>The feed never lets a consumer miss an event, also when transactions commit out of id order:
 * events are ordered by (writing transaction id, event id), and only events of transactions older
 * than every transaction still running are served. An event that is not served yet can therefore
 * only ever appear after the cursor, never before it.
 *
 * <p>Since every change records its event here, this is also where changes are counted for
 * operators: {@value #EVENTS_METRIC} (Prometheus {@code waarom_api_events_total}), tagged with
 * the event {@code type} — adoptions, goals reached, review tasks created and completed, … —
 * incremented only once the transaction that recorded the event has committed.
 */
@ApplicationScoped
public class EventService {

    public static final int MAX_LIMIT = 500;
    /** Committed events by type; named like the scheduler's {@code waarom.scheduler.*} metrics. */
    public static final String EVENTS_METRIC = "waarom.api.events";
    private static final Pattern CURSOR = Pattern.compile("^(\\d{1,20})-(\\d{1,19})$");
    private static final String START = "0-0";
    private static final Logger LOG = Logger.getLogger(EventService.class);

    private final EntityManager entityManager;
    private final ObjectMapper json;
    private final WaaromConfig config;
    private final Clock clock;
    private final TransactionSynchronizationRegistry transactions;
    private final MeterRegistry metrics;
    private final ScheduledWork scheduledWork;
    private final PayloadTypes payloads;

    EventService(EntityManager entityManager, ObjectMapper json, WaaromConfig config, Clock clock,
                 TransactionSynchronizationRegistry transactions, MeterRegistry metrics, ScheduledWork scheduledWork, PayloadTypes payloads) {
        this.entityManager = entityManager;
        this.json = json;
        this.config = config;
        this.clock = clock;
        this.transactions = transactions;
        this.metrics = metrics;
        this.scheduledWork = scheduledWork;
        this.payloads = payloads;
    }

    /**
     * Writes an event in the caller's transaction. {@code data} must be the type's payload ({@link PayloadTypes}), which is
     * what the OpenAPI document promises the feed and the webhooks serve.
     */
    @Transactional(Transactional.TxType.MANDATORY)
    public void record(Organization organization, EventType type, EventData data) {
        Class<? extends EventData> payload = payloads.payloadOf(type);
        if (!payload.isInstance(data)) {
            throw new IllegalArgumentException("The data of " + type.value() + " must be a " + payload.getSimpleName() + ", not "
                    + (data == null ? "null" : data.getClass().getName()));
        }
        Event event = new Event();
        event.organizationId = organization == null ? null : organization.id;
        event.organization = organization == null ? null : organization.slug;
        event.type = type.value();
        event.occurredAt = Instant.now(clock);
        try {
            event.data = json.writeValueAsString(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Event data of " + type.value() + " could not be written as JSON", e);
        }
        event.persist();
        countWhenCommitted(type);
    }

    /** A rolled-back change recorded no event, so it is not counted either. */
    private void countWhenCommitted(EventType type) {
        transactions.registerInterposedSynchronization(new Synchronization() {
            @Override
            public void beforeCompletion() {
            }

            @Override
            public void afterCompletion(int status) {
                if (status == Status.STATUS_COMMITTED) {
                    Counter.builder(EVENTS_METRIC).description("Committed changes, by event type")
                            .tag("type", type.value()).register(metrics).increment();
                }
            }
        });
    }

    /** What follows {@code after} (from the start when null), at most {@code limit}, of one organisation or of all. */
    @Transactional
    public EventPage feed(Organization organization, String after, int limit) {
        Cursor cursor = Cursor.parse(after);
        if (after != null && !after.isBlank()) {
            // Starting from the beginning is always possible; only a client's own cursor can be too old.
            requireKept(cursor);
        }
        StringBuilder sql = new StringBuilder("select e.id, e.tx_id::text as tx, e.organization, e.type, e.occurred_at, e.data::text as payload"
                + " from event e where (e.tx_id, e.id) > (cast(:tx as xid8), :id)"
                + " and e.tx_id < pg_snapshot_xmin(pg_current_snapshot())");
        if (organization != null) {
            sql.append(" and e.organization_id = :organization");
        }
        // Ordered by the column, a number. An output column named tx_id (as "tx_id::text" would be) takes precedence in
        // ORDER BY, and its text puts "1000" before "999": a page across such a boundary would end on a cursor that
        // goes back (events served twice) or past events not yet served (events lost).
        sql.append(" order by e.tx_id, e.id limit :limit");
        var query = entityManager.createNativeQuery(sql.toString())
                .setParameter("tx", cursor.tx().toString())
                .setParameter("id", cursor.id())
                .setParameter("limit", limit);
        if (organization != null) {
            query.setParameter("organization", organization.id);
        }
        List<EventView> items = new ArrayList<>();
        Cursor next = cursor;
        for (Object row : query.getResultList()) {
            Object[] columns = (Object[]) row;
            long id = ((Number) columns[0]).longValue();
            next = new Cursor(new BigInteger((String) columns[1]), id);
            items.add(new EventView(id, (String) columns[3], (String) columns[2], instant(columns[4]), parse((String) columns[5])));
        }
        return new EventPage(items, next.toString());
    }

    /**
     * A cursor past every event already committed: following it from now on yields what commits
     * from now on (and possibly some that committed moments ago, never one twice). New webhooks
     * start here, so they receive what happens after their registration, not the history.
     */
    @Transactional
    public String head() {
        String oldestRunning = (String) entityManager.createNativeQuery("select pg_snapshot_xmin(pg_current_snapshot())::text").getSingleResult();
        // Every transaction below the oldest running one has ended: its events are at or before (xmin, 0).
        return new Cursor(new BigInteger(oldestRunning), 0).toString();
    }

    /**
     * Whether every event after {@code cursor} is still kept, i.e. retention removed none that its holder
     * has not read. Unlike reading the feed from an expired cursor this throws nothing, so a transaction
     * that goes on after the answer (disabling or enabling a webhook) is not marked for rollback.
     */
    @Transactional
    public boolean keepsEverythingAfter(String cursor) {
        return kept(Cursor.parse(cursor));
    }

    /** Which of these events are still kept, not yet removed by retention. */
    @Transactional
    public Set<Long> kept(Collection<Long> ids) {
        List<?> found = entityManager.createNativeQuery("select id from event where id in (:ids)").setParameter("ids", ids).getResultList();
        return found.stream().map(id -> ((Number) id).longValue()).collect(Collectors.toSet());
    }

    /**
     * The earliest cursor that is still kept: just past the newest event retention removed (the start
     * when it removed none). Following it reads on from the oldest event still kept.
     */
    @Transactional
    public String oldestKept() {
        List<?> horizon = entityManager.createNativeQuery("select tx_id::text, event_id from event_horizon").getResultList();
        if (horizon.isEmpty()) {
            return START;
        }
        Object[] columns = (Object[]) horizon.get(0);
        return new Cursor(new BigInteger((String) columns[0]), ((Number) columns[1]).longValue()).toString();
    }

    /**
     * Removes events older than the retention ({@code waarom.events.retention}) and remembers the newest removed.
     * Hourly; public so that a test can apply it now instead of waiting.
     */
    @Scheduled(every = "1h", delayed = "1m", concurrentExecution = Scheduled.ConcurrentExecution.SKIP)
    public void applyRetention() {
        scheduledWork.run("Event retention", () -> QuarkusTransaction.requiringNew().run(this::removeExpired));
    }

    private void removeExpired() {
        Instant cutoff = Instant.now(clock).minus(config.events().retention());
        int removed = entityManager.createNativeQuery("""
                with removed as (delete from event where occurred_at < :cutoff returning tx_id, id)
                insert into event_horizon (id, tx_id, event_id)
                select 1, tx_id, id from removed order by tx_id desc, id desc limit 1
                on conflict (id) do update set tx_id = excluded.tx_id, event_id = excluded.event_id
                where (event_horizon.tx_id, event_horizon.event_id) < (excluded.tx_id, excluded.event_id)
                """).setParameter("cutoff", cutoff).executeUpdate();
        if (removed > 0) {
            LOG.infof("Events older than %s were removed (retention %s)", cutoff, config.events().retention());
        }
    }

    private boolean kept(Cursor cursor) {
        return entityManager.createNativeQuery("select 1 from event_horizon where (tx_id, event_id) > (cast(:tx as xid8), :id)")
                .setParameter("tx", cursor.tx().toString()).setParameter("id", cursor.id()).getResultList().isEmpty();
    }

    private void requireKept(Cursor cursor) {
        if (!kept(cursor)) {
            throw new CursorExpiredException("Events after cursor '" + cursor + "' are no longer all kept (retention "
                    + config.events().retention() + "); resynchronise, then follow the feed from its start (no 'after')");
        }
    }

    private com.fasterxml.jackson.databind.JsonNode parse(String data) {
        try {
            return json.readTree(data);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored event data is not JSON", e);
        }
    }

    private static Instant instant(Object value) {
        if (value instanceof Instant instant) {
            return instant;
        }
        if (value instanceof OffsetDateTime offset) {
            return offset.toInstant();
        }
        return ((Timestamp) value).toInstant();
    }

    /** A position in the feed: (writing transaction id, event id). Opaque to clients. */
    record Cursor(BigInteger tx, long id) {

        static Cursor parse(String value) {
            Matcher matcher = CURSOR.matcher(value == null || value.isBlank() ? START : value.trim());
            if (!matcher.matches()) {
                throw new InvalidRequestException("after", "must be a cursor this feed returned as 'next'");
            }
            try {
                return new Cursor(new BigInteger(matcher.group(1)), Long.parseLong(matcher.group(2)));
            } catch (NumberFormatException e) {
                throw new InvalidRequestException("after", "must be a cursor this feed returned as 'next'");
            }
        }

        @Override
        public String toString() {
            return tx + "-" + id;
        }
    }

    /** The cursor points before events that retention has removed (410 Gone). */
    public static class CursorExpiredException extends ApiException {
        CursorExpiredException(String detail) {
            super(detail);
        }

        @Override
        public ProblemKind kind() {
            return ProblemKind.GONE;
        }
    }
}
