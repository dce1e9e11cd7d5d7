package org.waarom.api.review.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.review.ReviewTask;

import java.time.Instant;
import java.time.LocalDate;

@Schema(name = "ReviewTask")
public record ReviewTaskView(
        @Schema(examples = "31") long id,
        @Schema(examples = "zorg-a") String organization,
        @Schema(examples = "vision") String element,
        ReviewTask.Reason reason,
        @Schema(examples = "2027-01-01") LocalDate dueDate,
        @Schema(examples = "cycle:vision:2027-01-01") String sourceKey,
        Long goalId,
        Integer version,
        ReviewTask.Status status,
        ReviewTask.Outcome outcome,
        @Schema(description = "REVISED: the adopted version") Integer outcomeVersion,
        String note,
        String createdBy,
        Instant createdAt,
        String closedBy,
        Instant closedAt) {
}
