package org.waarom.api.consultation;

/** A round takes feedback while OPEN; it is CLOSED by hand or at its deadline, and then never reopens. */
public enum ConsultationStatus {
    OPEN, CLOSED
}
