package org.waarom.api.security;

import java.util.Set;

/**
 * The reads each organisation opened to everyone ({@link PublicRead}, set with {@code PATCH …/organizations/{org}}), which
 * {@link AccessFilter} needs to admit a {@link PublicWhen public read} without credentials. Implemented by organization,
 * which builds on security: security knows no organisation itself.
 */
public interface OpenedReads {

    /**
     * What the organisation with this slug lets everyone read; empty when it opens nothing, and also when there is no
     * such organisation, so that a read without credentials cannot tell the two apart. Blocking: called on a worker
     * thread.
     */
    Set<PublicRead> openedBy(String organization);
}
