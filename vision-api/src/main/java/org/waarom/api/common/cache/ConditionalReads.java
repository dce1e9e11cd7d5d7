package org.waarom.api.common.cache;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.ws.rs.core.HttpHeaders;
import jakarta.ws.rs.core.Response;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Answers a negotiated read ({@link Representation}) the way pollers need it (docs/hr-systems.md#polling-cheaply):
 * strong {@code ETag}, {@code Last-Modified}, {@code Content-Language}, {@code Waarom-Variant}, {@code Vary} and
 * {@code Cache-Control}; 304 without a body when the client's copy is current.
 *
 * <p>{@code If-None-Match} takes precedence over {@code If-Modified-Since} (RFC 9110 section 13.2.2).
 *
 * <p>{@code Last-Modified} has whole seconds, the representation's change instant has microseconds.
 * So the header carries that instant rounded <em>up</em> to the second, and only once that second has
 * passed (a date must not lie in the future); {@code If-Modified-Since} then answers 304 only when the
 * exact instant is not after the date. A change later in the same second as an earlier answer can
 * therefore never hide behind an equal date. Until the second has passed the answer has no
 * {@code Last-Modified}; the ETag is the exact validator and always sent.
 *
 * <p>{@code Cache-Control: private, no-cache}: a client may keep the copy but must revalidate it on
 * every use. A system of record has to show an adoption at once (no {@code max-age} window in which
 * a browser or HR system keeps using a superseded text), and revalidation is the cheap path: a 304
 * without a body. {@code private} because an organisation's data is never for shared caches.
 */
@ApplicationScoped
public class ConditionalReads {

    /**
     * Representations vary by media type and language (and 406 depends on Accept). Not by text variant: that is asked for
     * in the query ({@code ?variant=easy-read}), part of the URL a cache keys on already.
     */
    public static final String VARY = "Accept, Accept-Language";
    /** Which text was served, {@code standard} or {@code easy-read}: a reader who asked for easy-read learns whether they got it. */
    public static final String VARIANT = "Waarom-Variant";

    /** Keep the copy, revalidate before every use; never in shared caches. */
    static final String CACHE_CONTROL = "private, no-cache";
    /** IMF-fixdate (RFC 9110 section 5.6.7), e.g. {@code Tue, 02 Jun 2026 09:00:00 GMT}. */
    private static final DateTimeFormatter HTTP_DATE = DateTimeFormatter.ofPattern("EEE, dd MMM yyyy HH:mm:ss 'GMT'", Locale.ROOT)
            .withZone(ZoneOffset.UTC);

    private final Clock clock;
    /** The last date written: polls of one resource send the same one over and over. */
    private volatile FormattedDate lastFormatted = new FormattedDate(Instant.EPOCH, HTTP_DATE.format(Instant.EPOCH));

    private record FormattedDate(Instant instant, String text) {
    }

    ConditionalReads(Clock clock) {
        this.clock = clock;
    }

    /** 200 with {@code read} as {@code mediaType}, or 304 when the request's validators name it. */
    public Response respond(Representation<?> read, String mediaType, ReadRequest request) {
        Instant now = Instant.now(clock);
        boolean notModified = request.ifNoneMatch() != null && !request.ifNoneMatch().isBlank()
                ? EntityTags.notModified(request.ifNoneMatch(), read.etag())
                : EntityTags.notModifiedSince(request.ifModifiedSince(), read.lastModified(), now);
        Response.ResponseBuilder answer = notModified
                ? Response.notModified()
                : Response.ok(read.value(), mediaType).header(HttpHeaders.CONTENT_LANGUAGE, read.language()).header(VARIANT, read.variant());
        Instant lastModified = EntityTags.lastModifiedHeader(read.lastModified(), now);
        if (lastModified != null) {
            answer.header(HttpHeaders.LAST_MODIFIED, httpDate(lastModified));
        }
        // Header values as ready strings: polled reads are the hot path, and these never vary.
        return answer.header(HttpHeaders.ETAG, read.etag())
                .header(HttpHeaders.VARY, VARY)
                .header(HttpHeaders.CACHE_CONTROL, CACHE_CONTROL)
                .build();
    }

    private String httpDate(Instant instant) {
        FormattedDate last = lastFormatted;
        if (!last.instant().equals(instant)) {
            last = new FormattedDate(instant, HTTP_DATE.format(instant));
            lastFormatted = last;
        }
        return last.text();
    }
}
