package org.waarom.api.element.service;

import org.waarom.api.element.ElementType;
import org.waarom.api.organization.Organization;

/**
 * A version was adopted: fired by {@link VersionService#adopt} after its {@code version.adopted} event, and
 * observed synchronously ({@code @Observes}) in the adoption's transaction, with the element's row still
 * locked, so what a feature does in reaction commits or rolls back with the adoption and takes its locks
 * after the element's (docs/architecture.md#lock-order). The core does not know who listens: a new "when a
 * version is adopted…" rule is a new observer, not a change here.
 *
 * @param organization the organisation the element belongs to
 * @param type         the element whose version was adopted
 * @param number       the adopted version's number
 */
public record VersionAdopted(Organization organization, ElementType type, int number) {
}
