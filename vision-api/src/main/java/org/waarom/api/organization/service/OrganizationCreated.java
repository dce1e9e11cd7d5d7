package org.waarom.api.organization.service;

import org.waarom.api.organization.Organization;

/**
 * An organisation was created: fired by {@link OrganizationService#create} after the row is persisted and before it is
 * flushed, and observed synchronously in that transaction, so the features set up what every organisation has (the
 * element rows) without organization knowing them; a failure rolls the creation back.
 *
 * @param organization the new organisation
 */
public record OrganizationCreated(Organization organization) {
}
