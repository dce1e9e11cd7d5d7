package org.waarom.api.element.service;

import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.rest.ConsultationLink;

import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Map;

/**
 * The consultation rounds of versions, as the versions link to them ({@code VersionView.consultations}). The element
 * feature declares what it needs; the consultation feature, which owns the rounds, implements it, so the core does not
 * depend on the feature built on it.
 */
public interface VersionRounds {

    /**
     * The rounds of each of {@code versions} (by version id; absent: none), oldest first, as they read at {@code now}:
     * a round past its deadline reads CLOSED at its deadline, recorded or not. One query for all of them.
     */
    Map<Long, List<ConsultationLink>> of(Collection<ElementVersion> versions, Instant now);

    /** The rounds of one version, as {@link #of(Collection, Instant)}. */
    default List<ConsultationLink> of(ElementVersion version, Instant now) {
        return of(List.of(version), now).getOrDefault(version.id, List.of());
    }
}
