package org.waarom.api.consultation.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.consultation.Audience;
import org.waarom.api.consultation.Stance;

import java.util.List;
import java.util.Map;

/** What a round's feedback adds up to: counts per stance, per anchor (the statement and each item) and per audience. */
@Schema(name = "ConsultationSummary")
public record ConsultationSummary(
        @Schema(examples = "5") long total,
        @Schema(description = "Every stance, with 0 where none was given", examples = "{\"SUPPORT\": 2, \"CONCERN\": 2, \"SUGGESTION\": 1}")
        Map<Stance, Long> byStance,
        @Schema(description = "Every audience of the round, with 0 where none answered", examples = "{\"EMPLOYEES\": 3, \"CLIENTS\": 2}")
        Map<Audience, Long> byAudience,
        @Schema(description = "The statement first (when the version has one), then every item in the version's order; each with 0 where none was given")
        List<AnchorCount> byAnchor) {

    /** The feedback on one anchor. */
    @Schema(name = "ConsultationAnchorCount")
    public record AnchorCount(Anchor anchor, @Schema(examples = "3") long total, Map<Stance, Long> byStance) {
    }
}
