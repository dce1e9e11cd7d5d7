package org.waarom.api.page.rest;

import java.net.URI;

/**
 * Whether a form was sent from a page of this origin. Browsers say where a form comes from ({@code Sec-Fetch-Site}, and
 * {@code Origin} on a POST); a form another site makes a browser send is refused, even though, without the link's token
 * in its action, it could change nothing. The pages' own {@code no-referrer} policy makes a browser send
 * {@code Origin: null}, which {@link OpaqueFormOrigin} sets aside: then {@code Sec-Fetch-Site} decides, and a client that
 * sends neither (curl, a script, an older browser) holds the token itself and is let through.
 */
final class SameOrigin {

    private SameOrigin() {
    }

    static boolean allows(String origin, String fetchSite, String host) {
        if (fetchSite != null && !fetchSite.equals("same-origin") && !fetchSite.equals("none")) {
            return false;
        }
        if (origin == null) {
            return true;
        }
        if (host == null || origin.equals("null")) {
            return false;
        }
        try {
            URI uri = URI.create(origin);
            String authority = uri.getRawAuthority();
            return authority != null && authority.equalsIgnoreCase(host);
        } catch (IllegalArgumentException malformed) {
            return false;
        }
    }
}
