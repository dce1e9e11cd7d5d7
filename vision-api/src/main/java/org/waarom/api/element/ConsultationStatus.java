package org.waarom.api.element;

/**
 * A round takes feedback while OPEN; it is CLOSED by hand or at its deadline, and then never reopens. It lives here,
 * with the version that links to its rounds, because a version IN_CONSULTATION reads as a draft once its round is closed.
 */
public enum ConsultationStatus {
    OPEN, CLOSED
}
