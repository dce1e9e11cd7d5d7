package org.waarom.api.security;


import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks a GET endpoint that answers without credentials when the organisation in its path has opened
 * it ({@code PATCH …/organizations/{org}} with {@code publicReads}). {@link AccessFilter} decides from
 * this annotation alone, never from the path: a method without it always needs credentials.
 *
 * <pre>
 * &#64;PublicWhen(PublicRead.DOCUMENT)                                          GET …/document
 * &#64;PublicWhen(value = {MISSION, VISION}, namedBy = "type", unlessQuery = "asOf")  GET …/elements/{type}
 * </pre>
 *
 * The endpoint keeps its {@link Requires} permission for callers with credentials; those are checked as
 * always (an invalid credential is 401 also on a public read).
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface PublicWhen {

    /** The public read(s) that open the endpoint. */
    PublicRead[] value();

    /**
     * For an endpoint that serves several things ({@code elements/{type}}): the path parameter whose value
     * names the read that must be open; a value that names none of {@link #value()} (strategy) stays closed.
     * Empty: any of {@link #value()} opens it.
     */
    String namedBy() default "";

    /**
     * Query parameters that turn the request into another read than the public one (a past version with
     * {@code asOf}): with any of them present, credentials are needed. Public reads serve what is current.
     */
    String[] unlessQuery() default {};
}
