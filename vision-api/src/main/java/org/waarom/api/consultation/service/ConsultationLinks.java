package org.waarom.api.consultation.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.consultation.Consultation;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.rest.ConsultationLink;
import org.waarom.api.element.service.VersionRounds;

import java.time.Instant;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/** The links from versions to their rounds, for a page of versions in one query. Reads only: an overdue round reads closed. */
@ApplicationScoped
class ConsultationLinks implements VersionRounds {

    @Override
    public Map<Long, List<ConsultationLink>> of(Collection<ElementVersion> versions, Instant now) {
        if (versions.isEmpty()) {
            return Map.of();
        }
        // The versions' organisations are loaded already; a round's own would be one more query each.
        Map<Long, String> slugs = versions.stream().collect(Collectors.toMap(version -> version.id,
                version -> version.element.organization.slug, (first, second) -> first));
        List<Consultation> rounds = Consultation.list("version in ?1 order by id", versions);
        return rounds.stream().collect(Collectors.groupingBy(round -> round.version.id, LinkedHashMap::new,
                Collectors.mapping(round -> link(round, slugs.get(round.version.id), now), Collectors.toList())));
    }

    private static ConsultationLink link(Consultation round, String organization, Instant now) {
        return new ConsultationLink(round.id, round.statusAt(now), round.deadline, round.closedAtAsOf(now),
                "/api/v1/organizations/" + organization + "/consultations/" + round.id);
    }
}
