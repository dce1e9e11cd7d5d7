package org.waarom.api.common.cache;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.smallrye.mutiny.Uni;
import io.smallrye.mutiny.infrastructure.Infrastructure;
import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.common.config.WaaromConfig;
import org.waarom.api.common.http.LanguageNegotiation;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;

/**
 * Rendered answers of the reads that HR systems and intranets poll (current values, current
 * elements, the vision document): the bytes with their ETag, language and change instant, so that a
 * poll costs no Hibernate session, no query of the data and no rendering, and a 304 compares two
 * strings.
 *
 * <p><b>Never stale, also with several replicas.</b> An entry is tagged with the organisation's
 * {@link OrganizationStamps change stamp} read <em>before</em> the data it was built from, and is
 * served only while a stamp read after the request arrived is still the same. Every change of an
 * organisation commits together with a new stamp, so a change that committed before a request came
 * in, on any replica, is never hidden by an entry built before it. (The data may be newer than the
 * entry's stamp, never older: that errs on the side of freshness.) What changes with time alone (a
 * version adopted for a later date taking effect) bounds the entry too: it is not served from the
 * moment the answer would change ({@link Rendered#validUntil()}).
 *
 * <p>Keyed by organisation, what is read, its form (json, csv, html, …) and the request's language
 * preference ({@link LanguageNegotiation#key()}); bounded in size ({@code waarom.reads.cache-entries}),
 * least recently and least often used entries go first. Answers that are errors (404 before the
 * first adoption, …) are not cached: the builder throws, and the exception reaches the caller.
 */
@ApplicationScoped
public class ReadCache {

    /** What a builder made: the representation with its body as bytes, and when it stops being the answer (null: not by time). */
    public record Rendered(Representation<byte[]> representation, Instant validUntil) {
    }

    private record Key(String organization, String what, String form, String language) {
    }

    private record Entry(long stamp, Instant validUntil, Representation<byte[]> representation) {

        boolean servable(long currentStamp, Instant now) {
            return stamp == currentStamp && (validUntil == null || now.isBefore(validUntil));
        }
    }

    private final OrganizationStamps stamps;
    private final ObjectMapper json;
    private final Clock clock;
    private final Cache<Key, Entry> entries;

    ReadCache(OrganizationStamps stamps, ObjectMapper json, Clock clock, WaaromConfig config) {
        this.stamps = stamps;
        this.json = json;
        this.clock = clock;
        this.entries = Caffeine.newBuilder().maximumSize(config.reads().cacheEntries()).build();
    }

    /**
     * What {@code organization}'s read {@code what} in {@code form} serves for {@code language}: from
     * the cache while the organisation has not changed since it was built (no thread is held while the
     * stamp is checked), else from {@code build}, which runs on a worker thread (it reads in its own
     * transaction, after the stamp was read) and may throw (404, …). A stage rather than a {@code Uni}: a hit is a
     * completed stage, which Quarkus REST answers at once, without subscribing Mutiny operators (about 2 µs per request,
     * docs/benchmarks.md).
     */
    public CompletionStage<Representation<byte[]>> read(String organization, String what, String form, LanguageNegotiation language, Supplier<Rendered> build) {
        Key key = new Key(organization, what, form, language.key());
        CompletableFuture<OptionalLong> current = stamps.current(organization).toCompletableFuture();
        if (current.isDone() && !current.isCompletedExceptionally()) {
            // The stamp is known already (the key check read it, after the request arrived): a hit is answered as it is,
            // as a completed stage, without Mutiny's operators below (each captures and restores the request's contexts).
            OptionalLong stamp = current.join();
            Entry cached = stamp.isPresent() ? entries.getIfPresent(key) : null;
            if (cached != null && cached.servable(stamp.getAsLong(), Instant.now(clock))) {
                return CompletableFuture.completedFuture(cached.representation());
            }
        }
        return Uni.createFrom().completionStage(current).onItem().transformToUni(stamp -> {
            if (stamp.isEmpty()) {
                // No such organisation (yet): the builder answers (404), nothing is kept.
                return blocking(() -> build.get().representation());
            }
            Entry cached = entries.getIfPresent(key);
            if (cached != null && cached.servable(stamp.getAsLong(), Instant.now(clock))) {
                return Uni.createFrom().item(cached.representation());
            }
            return blocking(() -> {
                Rendered rendered = build.get();
                Entry built = new Entry(stamp.getAsLong(), rendered.validUntil(), rendered.representation());
                // A slower builder that started from an older stamp must not replace a newer entry.
                entries.asMap().merge(key, built, (old, fresh) -> fresh.stamp() >= old.stamp() ? fresh : old);
                return rendered.representation();
            });
        }).subscribeAsCompletionStage();
    }

    /** {@code work} on a worker thread: it may block (Hibernate, JDBC). */
    public static <T> Uni<T> blocking(Supplier<T> work) {
        return Uni.createFrom().item(work).runSubscriptionOn(Infrastructure.getDefaultWorkerPool());
    }

    /** {@code read} with its value as JSON, written by the application's ObjectMapper (as Quarkus REST would write it). */
    public Rendered json(Representation<?> read, Instant validUntil) {
        try {
            return new Rendered(new Representation<>(json.writeValueAsBytes(read.value()), read.etag(), read.language(), read.variant(), read.lastModified()),
                    validUntil);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("A read could not be written as JSON", e);
        }
    }

    /** {@code read} with its value as UTF-8 text (CSV, HTML, Markdown). */
    public static Rendered text(Representation<String> read, Instant validUntil) {
        return new Rendered(new Representation<>(read.value().getBytes(StandardCharsets.UTF_8), read.etag(), read.language(), read.variant(), read.lastModified()),
                validUntil);
    }
}
