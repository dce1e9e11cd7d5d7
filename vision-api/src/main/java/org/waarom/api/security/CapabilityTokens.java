package org.waarom.api.security;

import java.util.Map;
import java.util.Optional;

/**
 * One kind of URL token ({@code ?token=…}, see {@link AcceptsToken}), implemented by the feature that issues it (calendar
 * feeds, consultation invitations). {@link AccessFilter} asks the implementation of the kind an endpoint accepts, so
 * security knows no feature: a new kind of token is a new {@link AcceptsToken.Kind} and a bean that implements this.
 */
public interface CapabilityTokens {

    /** The kind of token this resolves. */
    AcceptsToken.Kind kind();

    /**
     * The caller {@code token} stands for on the request's path, given by its path parameters ({@code org}, and e.g. the
     * round's {@code id}): present only for a token that is valid right there. Runs on a worker thread, in its own
     * transaction; it may record the token's use.
     */
    Optional<Caller> resolve(Map<String, String> path, String token);

    /**
     * The caller {@code token} stands for on a {@link TokenPage page} of its own, given by the page's path parameters; by
     * default where it is valid on the API. A feature whose page shows more than the API accepts (a closed round, read-only)
     * says so here.
     */
    default Optional<Caller> admitToPage(Map<String, String> path, String token) {
        return resolve(path, token);
    }
}
