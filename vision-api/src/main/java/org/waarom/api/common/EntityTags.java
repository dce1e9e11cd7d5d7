package org.waarom.api.common;

import jakarta.ws.rs.core.CacheControl;
import jakarta.ws.rs.core.EntityTag;
import jakarta.ws.rs.core.Response;

import java.util.Arrays;

/**
 * Strong entity tags and the two conditional headers the API honours: {@code If-Match} on every
 * change (missing → 428, stale → 412, compared strongly as RFC 9110 requires) and
 * {@code If-None-Match} on reads (304, compared weakly).
 */
public final class EntityTags {

    private EntityTags() {
    }

    /** The header value of a strong tag for an opaque value (quotes added). */
    public static String strong(String opaque) {
        return '"' + opaque + '"';
    }

    /**
     * Checks a changing request's {@code If-Match} against the current tag.
     *
     * @throws PreconditionRequiredException when the header is absent
     * @throws PreconditionFailedException   when no listed tag is the current one
     */
    public static void requireMatch(String ifMatch, String currentTag) {
        if (ifMatch == null || ifMatch.isBlank()) {
            throw new PreconditionRequiredException(
                    "Send If-Match with the ETag you read (current: " + currentTag + ") so that no change is lost");
        }
        boolean matches = Arrays.stream(ifMatch.split(","))
                .map(String::trim)
                .anyMatch(tag -> tag.equals("*") || tag.equals(currentTag));
        if (!matches) {
            throw new PreconditionFailedException("The resource has changed; its ETag is now " + currentTag + ". Read it again and reapply your change.");
        }
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
        if (notModified(ifNoneMatch, tag)) {
            return Response.notModified(EntityTag.valueOf(tag)).cacheControl(cacheControl).build();
        }
        return Response.ok(body).header("ETag", tag).cacheControl(cacheControl).build();
    }

    private static String opaque(String tag) {
        return tag.startsWith("W/") ? tag.substring(2) : tag;
    }
}
