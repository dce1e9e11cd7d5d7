package org.waarom.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks the one kind of endpoint a calendar client may read with a feed token in the URL
 * ({@code ?token=wcal_…}) instead of an {@code Authorization} header, which calendar clients
 * cannot send. {@link AccessFilter} looks at {@code token} only on methods marked so, and only when
 * no {@code Authorization} header is present; a valid token of the path's organisation is the whole
 * grant (the endpoint's {@link Requires} permission still applies to every other credential).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcceptsFeedToken {

    /** The query parameter that carries the token. */
    String QUERY_PARAMETER = "token";
}
