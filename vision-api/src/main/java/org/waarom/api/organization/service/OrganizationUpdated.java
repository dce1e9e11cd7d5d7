package org.waarom.api.organization.service;

import org.waarom.api.organization.Organization;
import org.waarom.api.organization.rest.OrganizationView;

/**
 * An organisation's name, languages or public reads were changed: fired by {@link OrganizationService#update} once the
 * change is flushed, and observed synchronously in that transaction (the outbox records {@code organization.updated}),
 * so nothing that observes it commits apart from the change.
 *
 * @param organization the organisation, changed
 * @param view         the organisation as the API shows it now
 */
public record OrganizationUpdated(Organization organization, OrganizationView view) {
}
