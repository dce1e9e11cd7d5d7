package org.waarom.api.event.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.waarom.api.event.EventType;
import org.waarom.api.organization.service.OrganizationCreated;
import org.waarom.api.organization.service.OrganizationUpdated;

/**
 * The events of organisations. Organization, which the outbox builds on, does not record them itself: it fires what
 * happened, and this records it, synchronously, in the transaction of the change (so the event commits exactly with it).
 */
@ApplicationScoped
class OrganizationEvents {

    private final EventService events;

    OrganizationEvents(EventService events) {
        this.events = events;
    }

    void recordCreation(@Observes OrganizationCreated created) {
        events.record(created.organization(), EventType.ORGANIZATION_CREATED, created.view());
    }

    void recordChange(@Observes OrganizationUpdated updated) {
        events.record(updated.organization(), EventType.ORGANIZATION_UPDATED, updated.view());
    }
}
