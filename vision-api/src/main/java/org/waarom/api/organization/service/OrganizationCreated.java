package org.waarom.api.organization.service;

import org.waarom.api.organization.Organization;
import org.waarom.api.organization.rest.OrganizationView;

/**
 * An organisation was created: fired by {@link OrganizationService#create} after the row is persisted and before it is
 * flushed, and observed synchronously in that transaction, so the features set up what every organisation has (the
 * element rows) and the outbox records {@code organization.created}, without organization knowing them; a failure rolls
 * the creation back.
 *
 * @param organization the new organisation
 * @param view         the organisation as the API shows it
 */
public record OrganizationCreated(Organization organization, OrganizationView view) {
}
