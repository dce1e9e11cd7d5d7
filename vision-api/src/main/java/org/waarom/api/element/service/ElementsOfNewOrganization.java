package org.waarom.api.element.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.waarom.api.element.Element;
import org.waarom.api.element.ElementType;
import org.waarom.api.organization.service.OrganizationCreated;

/** Every organisation has one element row per type from its creation on: the row each change of its versions locks first. */
@ApplicationScoped
class ElementsOfNewOrganization {

    void createElements(@Observes OrganizationCreated created) {
        for (ElementType type : ElementType.values()) {
            Element element = new Element();
            element.organization = created.organization();
            element.type = type;
            element.persist();
        }
    }
}
