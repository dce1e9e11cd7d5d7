package org.waarom.api.consultation;

/** Whom a consultation round asks: the groups a care or welfare organisation drafts its texts with. */
public enum Audience {
    EMPLOYEES, CLIENTS, FAMILIES, VOLUNTEERS, PARTNERS, BOARD, OTHER
}
