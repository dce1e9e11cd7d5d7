package org.waarom.api.element;

/** Where a version is in its life: DRAFT → (IN_CONSULTATION) → ADOPTED → SUPERSEDED, or WITHDRAWN while open. */
public enum VersionStatus {
    DRAFT, IN_CONSULTATION, ADOPTED, SUPERSEDED, WITHDRAWN;

    /** Open versions can still change; at most one per element. */
    public boolean isOpen() {
        return this == DRAFT || this == IN_CONSULTATION;
    }
}
