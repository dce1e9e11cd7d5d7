package org.waarom.api.security;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;
import org.waarom.api.common.cache.CoalescedLookup;
import org.waarom.api.common.cache.LookupExecutor;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalLong;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;

/**
 * API-key authentication, on every request: the key's row by its hash, as one small query on a pooled
 * connection (no Hibernate session, no transaction), shared by concurrent requests with the same key
 * through {@link CoalescedLookup}. (Keys are created, listed and revoked by the {@code apikey} feature;
 * this only reads them, and their last use.)
 *
 * <p>Nothing of a key is cached between requests: each request sees the key as committed when it
 * arrived (or later), so a key revoked by any replica is refused by every replica from the next
 * request on. What makes it cheap is that concurrent requests share one query that started after
 * each of them arrived.
 *
 * <p>{@code last_used_at} is written at most once per {@link SecretTokens#LAST_USED_RESOLUTION} per
 * key and replica, by the one request that finds it stale, as a conditional update (replicas do not
 * overwrite each other's newer time).
 */
@ApplicationScoped
class ApiKeyLookup {

    private static final Logger LOG = Logger.getLogger(ApiKeyLookup.class);
    private static final CompletionStage<Void> DONE = CompletableFuture.completedFuture(null);
    /**
     * The key, and the stamp of the organisation the request names: one row, whether or not either exists
     * (a request for an organisation's data nearly always needs both, and one query costs half of two).
     */
    private static final String QUERY = "select k.id, k.name, k.roles, o.slug, k.revoked_at is not null, k.last_used_at, k.key_hash, st.stamp"
            + " from (values (1)) as one (x)"
            + " left join api_key k on k.key_hash = ?"
            + " left join organization o on o.id = k.organization_id"
            + " left join (select coalesce(s.stamp, 0) as stamp from organization p left join organization_stamp s on s.organization_id = p.id"
            + " where p.slug = ?) st on true";
    private static final String RECORD_USE = "update api_key set last_used_at = ? where id = ? and (last_used_at is null or last_used_at < ?)";

    /** A key as stored, with the caller it stands for (built once per query, shared by the requests of its round). */
    record StoredKey(long id, String hash, boolean revoked, Instant lastUsedAt, Caller caller) {
    }

    /** What a request asks: the key with this hash (hex SHA-256), and the stamp of this organisation (null: none named). */
    record Question(String hash, String organization) {
    }

    /** The key (empty when unknown) and the organisation's change stamp (empty when no organisation was named or it does not exist). */
    record Answer(Optional<StoredKey> key, OptionalLong organizationStamp) {
    }

    private final AgroalDataSource dataSource;
    private final LookupExecutor executor;
    private final Clock clock;
    private final CoalescedLookup<Question, Answer> lookup;
    /** Per key id, when this replica last wrote its last-used time: one writer per key and resolution. */
    private final ConcurrentHashMap<Long, Instant> usesRecorded = new ConcurrentHashMap<>();

    ApiKeyLookup(AgroalDataSource dataSource, LookupExecutor executor, Clock clock) {
        this.dataSource = dataSource;
        this.executor = executor;
        this.clock = clock;
        this.lookup = new CoalescedLookup<>(this::query, executor);
    }

    /**
     * What a key check found: the caller the key stands for (empty unless it is a valid, unrevoked key)
     * and the change stamp of the organisation the request named (empty when none, or no such one).
     */
    record KeyCheck(Optional<Caller> caller, OptionalLong organizationStamp) {
    }

    /**
     * Checks a bearer key. Not cached: the key as committed when the request arrived, so a revocation on
     * any replica takes effect on the next request everywhere. The same query reads the change stamp of
     * {@code organization} (the one the request's path names, may be null), so that the request's read
     * needs no query of its own. Asynchronous: no thread waits for the database.
     */
    CompletionStage<KeyCheck> authenticate(String presented, String organization) {
        String hash = SecretTokens.hash(presented);
        return find(hash, organization).thenCompose(answer -> {
            Optional<StoredKey> found = answer.key()
                    .filter(key -> SecretTokens.matches(key.hash(), hash))
                    .filter(key -> !key.revoked());
            CompletionStage<Void> used = found.isPresent()
                    ? recordUse(found.get(), Instant.now(clock), SecretTokens.LAST_USED_RESOLUTION)
                    : DONE;
            return used.thenApply(ignored -> new KeyCheck(found.map(StoredKey::caller), answer.organizationStamp()));
        });
    }

    /**
     * The key with this SHA-256 hash (hex), revoked or not, and the stamp of {@code organization} (may be
     * null), both as committed when this call started (or later).
     */
    CompletionStage<Answer> find(String hash, String organization) {
        return lookup.get(new Question(hash, organization));
    }

    /**
     * Writes {@code now} as the key's last use when what is stored is older than {@code resolution}, once
     * per key and resolution; completes when it is written (at once when there is nothing to write).
     */
    CompletionStage<Void> recordUse(StoredKey key, Instant now, Duration resolution) {
        Instant threshold = now.minus(resolution);
        if (key.lastUsedAt() != null && !key.lastUsedAt().isBefore(threshold)) {
            return DONE;
        }
        Instant previous = usesRecorded.get(key.id());
        if (previous != null && !previous.isBefore(threshold)) {
            return DONE;
        }
        boolean mine = previous == null ? usesRecorded.putIfAbsent(key.id(), now) == null : usesRecorded.replace(key.id(), previous, now);
        if (!mine) {
            return DONE; // another request of this replica writes it
        }
        return CompletableFuture.runAsync(() -> write(key.id(), now, threshold), executor);
    }

    private void write(long id, Instant now, Instant threshold) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(RECORD_USE)) {
            statement.setObject(1, now.atOffset(ZoneOffset.UTC));
            statement.setLong(2, id);
            statement.setObject(3, threshold.atOffset(ZoneOffset.UTC));
            statement.executeUpdate();
        } catch (SQLException e) {
            // The last-used time is informative; a failure to write it must not fail the request.
            usesRecorded.remove(id, now);
            LOG.warnf(e, "The last use of API key %d could not be recorded", id);
        }
        if (usesRecorded.size() > 10_000) {
            usesRecorded.values().removeIf(recorded -> recorded.isBefore(threshold));
        }
    }

    private Answer query(Question question) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, question.hash());
            statement.setString(2, question.organization());
            try (ResultSet row = statement.executeQuery()) {
                row.next();
                long stamp = row.getLong(8);
                OptionalLong organizationStamp = row.wasNull() ? OptionalLong.empty() : OptionalLong.of(stamp);
                long id = row.getLong(1);
                if (row.wasNull()) {
                    return new Answer(Optional.empty(), organizationStamp);
                }
                OffsetDateTime lastUsed = row.getObject(6, OffsetDateTime.class);
                StoredKey key = new StoredKey(id, row.getString(7), row.getBoolean(5), lastUsed == null ? null : lastUsed.toInstant(),
                        caller(id, row.getString(2), row.getString(3), row.getString(4)));
                return new Answer(Optional.of(key), organizationStamp);
            }
        } catch (SQLException e) {
            throw new IllegalStateException("API keys could not be read", e);
        }
    }

    private static Caller caller(long id, String name, String roles, String organization) {
        String credential = "key:" + id;
        if (organization == null) {
            Set<PlatformRole> platformRoles = EnumSet.noneOf(PlatformRole.class);
            Arrays.stream(roles.split(",")).forEach(role -> PlatformRole.parse(role).ifPresent(platformRoles::add));
            return new Caller(name, credential, Set.copyOf(platformRoles), Map.of());
        }
        Set<OrganizationRole> organizationRoles = EnumSet.noneOf(OrganizationRole.class);
        Arrays.stream(roles.split(",")).forEach(role -> OrganizationRole.parse(role).ifPresent(organizationRoles::add));
        return new Caller(name, credential, Set.of(), Map.of(organization, Set.copyOf(organizationRoles)));
    }
}
