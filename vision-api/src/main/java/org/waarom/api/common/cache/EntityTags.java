package org.waarom.api.common.cache;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;
import org.jboss.resteasy.reactive.server.core.CurrentRequestManager;
import org.jboss.resteasy.reactive.server.core.ResteasyReactiveRequestContext;
import org.waarom.api.common.problem.PreconditionFailedException;
import org.waarom.api.common.problem.PreconditionRequiredException;

import java.time.Instant;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Arrays;

/**
 * Strong entity tags and the conditional headers the API honours: {@code If-Match} on every
 * change (missing → 428, stale → 412, compared strongly as RFC 9110 requires),
 * {@code If-None-Match} on reads (304, compared weakly) and on changes (412, see {@link #requireMatch(String, String, String)}),
 * and {@code If-Modified-Since} on negotiated reads (see {@link ConditionalReads}).
 *
 * <p>A resource's state has one tag ({@code "vision-3-r2"}); a representation of it in another
 * language or media type has a <em>variant</em> of that tag ({@code "vision-3-r2~fr-t7.1"}), so that
 * caches tell them apart. {@code If-Match} compares states: any variant of the current tag matches,
 * so an editor who read a version in French can still change it.
 */
public final class EntityTags {

    /** Separates a state's tag from the representation it names; never part of a state's tag. */
    private static final char VARIANT = '~';

    private EntityTags() {
    }

    /** The header value of a strong tag for an opaque value (quotes added). */
    public static String strong(String opaque) {
        return '"' + opaque + '"';
    }

    /**
     * Checks a changing request's conditions against the current tag: its {@code If-Match}, and the
     * {@code If-None-Match} of the request being served (see {@link #requireMatch(String, String, String)}).
     *
     * @throws PreconditionRequiredException when {@code If-Match} is absent
     * @throws PreconditionFailedException   when no tag listed in {@code If-Match} is the current one, or
     *                                       {@code If-None-Match} is {@code *} or names the current one
     */
    public static void requireMatch(String ifMatch, String currentTag) {
        requireMatch(ifMatch, currentRequestHeader("If-None-Match"), currentTag);
    }

    /**
     * The preconditions of a change, in the order of RFC 9110 section 13.2.2: a stale {@code If-Match} is 412;
     * then an {@code If-None-Match} that is {@code *} or names the current state (weak comparison) is 412 too,
     * since a change is to be made only if the resource does not exist or is in another state (section 13.1.2),
     * and a resource that is changed always exists; then a missing {@code If-Match} is 428 (every change needs one,
     * so that no update is lost). This is the one place where the conditions of every change are checked.
     */
    public static void requireMatch(String ifMatch, String ifNoneMatch, String currentTag) {
        boolean hasIfMatch = ifMatch != null && !ifMatch.isBlank();
        if (hasIfMatch && Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .noneMatch(tag -> tag.equals("*") || tag.equals(currentTag) || state(tag).equals(currentTag))) {
            throw new PreconditionFailedException("The resource has changed; its ETag is now " + currentTag + ". Read it again and reapply your change.");
        }
        if (ifNoneMatch != null && !ifNoneMatch.isBlank() && Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || opaque(state(opaque(tag))).equals(opaque(currentTag)))) {
            throw new PreconditionFailedException("If-None-Match: " + ifNoneMatch.trim() + " asks for the change only if the resource does not exist "
                    + "or is not in this state, but it exists with ETag " + currentTag + ". Leave If-None-Match out to change it.");
        }
        if (!hasIfMatch) {
            throw new PreconditionRequiredException(
                    "Send If-Match with the ETag you read (current: " + currentTag + ") so that no change is lost");
        }
    }

    /** A header of the request being served; null outside of one (a scheduled job changing something has no conditions). */
    private static String currentRequestHeader(String name) {
        ResteasyReactiveRequestContext request = CurrentRequestManager.get();
        return request == null ? null : request.getHttpHeaders().getHeaderString(name);
    }

    /** Whether {@code If-None-Match} names the current representation (weak comparison). */
    public static boolean notModified(String ifNoneMatch, String currentTag) {
        if (ifNoneMatch == null || ifNoneMatch.isBlank()) {
            return false;
        }
        String current = opaque(currentTag);
        return Arrays.stream(ifNoneMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || opaque(tag).equals(current));
    }

    /**
     * A read answered with its tag: 304 when the client's copy is current, else 200 with the body.
     * Clients must revalidate ({@code no-cache}); data of an organisation is never shared by proxies.
     */
    public static Response conditionalRead(Object body, String tag, String ifNoneMatch) {
        CacheControl cacheControl = new CacheControl();
        cacheControl.setNoCache(true);
        cacheControl.setPrivate(true);
        return conditionalRead(body, tag, ifNoneMatch, cacheControl);
    }

    /** Like {@link #conditionalRead(Object, String, String)}, for a read that may be cached as {@code cacheControl} says. */
    public static Response conditionalRead(Object body, String tag, String ifNoneMatch, CacheControl cacheControl) {
        if (notModified(ifNoneMatch, tag)) {
            return Response.notModified(EntityTag.valueOf(tag)).cacheControl(cacheControl).build();
        }
        return Response.ok(body).header("ETag", tag).cacheControl(cacheControl).build();
    }

    /** The tag of one representation of the state {@code tag} names: {@code "vision-3-r2"} + {@code csv} → {@code "vision-3-r2~csv"}. */
    public static String variant(String tag, String representation) {
        return strong(tag.substring(1, tag.length() - 1) + VARIANT + representation);
    }

    /**
     * Whether {@code If-Modified-Since} says the client's copy is current: a valid HTTP-date, not
     * later than now (a client's clock error must not freeze its copy), and the representation's exact
     * change instant not after it. Absent or invalid dates are ignored (RFC 9110 section 13.1.3), and so
     * are dates in the future.
     */
    public static boolean notModifiedSince(String ifModifiedSince, Instant lastModified, Instant now) {
        if (ifModifiedSince == null || ifModifiedSince.isBlank() || lastModified == null) {
            return false;
        }
        Instant since;
        try {
            since = ZonedDateTime.parse(ifModifiedSince.trim(), DateTimeFormatter.RFC_1123_DATE_TIME).toInstant();
        } catch (DateTimeParseException e) {
            return false;
        }
        return !since.isAfter(now) && !lastModified.isAfter(since);
    }

    /**
     * The {@code Last-Modified} to send for a change at {@code lastModified}: rounded up to the whole
     * second, so that "not modified since that date" holds exactly; none while that second lies in the
     * future (a change later in the same second would otherwise share the date).
     */
    public static Instant lastModifiedHeader(Instant lastModified, Instant now) {
        if (lastModified == null) {
            return null;
        }
        Instant truncated = lastModified.truncatedTo(ChronoUnit.SECONDS);
        Instant roundedUp = truncated.equals(lastModified) ? truncated : truncated.plusSeconds(1);
        return roundedUp.isAfter(now) ? null : roundedUp;
    }

    /** {@code "vision-3-r2~fr-t7.1"} → {@code "vision-3-r2"}: the state a representation's tag names. */
    private static String state(String tag) {
        int variant = tag.indexOf(VARIANT);
        return tag.startsWith("\"") && variant > 0 ? tag.substring(0, variant) + '"' : tag;
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
