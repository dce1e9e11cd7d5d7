package org.waarom.api.common;

import org.waarom.api.common.problem.NotFoundException;

import java.util.regex.Pattern;

/**
 * An organisation's slug, as every path under {@code /organizations/{org}} names it: which values can be one at all, and
 * the answer to a path that names none. Here so that security, which answers for a path before any feature does, and
 * organization, which owns the organisations, say it the same way.
 */
public final class OrganizationSlug {

    /** The only slugs an organisation can be created with: 2 to 63 lower-case letters, digits or '-', not starting with '-'. */
    public static final String PATTERN = "^[a-z0-9][a-z0-9-]{1,62}$";
    private static final Pattern SLUG = Pattern.compile(PATTERN);

    private OrganizationSlug() {
    }

    /**
     * Whether an organisation can have this slug at all. A path segment that cannot be one (a NUL byte, which
     * PostgreSQL refuses in a query, or just upper case) names no organisation: it is never looked up.
     */
    public static boolean possible(String slug) {
        return slug != null && SLUG.matcher(slug).matches();
    }

    /** There is no organisation with this slug (or the caller may not know of it: the same answer). */
    public static NotFoundException notFound(String slug) {
        return new NotFoundException("There is no organisation '" + slug + "'");
    }
}
