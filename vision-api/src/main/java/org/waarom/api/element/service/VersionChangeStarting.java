package org.waarom.api.element.service;

import org.waarom.api.organization.Organization;

/**
 * A change of the organisation's versions is about to start: fired by every version change (and every change
 * that depends on a version's status) before it locks the element's row, and observed synchronously in that
 * transaction. Features whose state follows from time and decides what the change may do record it here
 * first, so that the change sees it as of now: a consultation round past its deadline is closed and its
 * version is a draft again. Observers take the element's row first if they lock anything
 * (docs/architecture.md#lock-order).
 *
 * @param organization the organisation whose versions are about to change
 */
public record VersionChangeStarting(Organization organization) {
}
