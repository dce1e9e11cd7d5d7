package org.waarom.api.acknowledgement.rest;

import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** The people who are expected to have acknowledged a version, e.g. every employee by HR id. */
@Schema(name = "AcknowledgementStatusRequest")
public record AcknowledgementStatusRequest(
        @NotEmpty @Size(max = AcknowledgementStatusRequest.MAX_EXPECTED)
        @Schema(required = true, description = "External ids (or OIDC subjects), at most 10000; duplicates count once",
                examples = "[\"hr-1234\", \"hr-1235\", \"hr-1236\"]")
        List<@NotNull @Size(min = 1, max = 200) String> expected) {

    public static final int MAX_EXPECTED = 10_000;
}
