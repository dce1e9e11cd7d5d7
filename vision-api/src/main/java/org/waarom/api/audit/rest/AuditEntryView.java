package org.waarom.api.audit.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

@Schema(name = "AuditEntry")
public record AuditEntryView(
        @Schema(examples = "431") long id,
        @Schema(examples = "an@zorg-a.be") String actor,
        @Schema(description = "key:<id> or token:<subject>", examples = "token:5f2c…") String credential,
        @Schema(description = "What was done: <feature>.<operation>", examples = "element.adopt") String action,
        @Schema(examples = "POST") String method,
        @Schema(description = "The request path", examples = "/api/v1/organizations/zorg-a/elements/vision/versions/4/adopt") String target,
        @Schema(description = "The HTTP status answered", examples = "200") int status,
        @Schema(enumeration = {"SUCCEEDED", "DENIED", "FAILED"}) String outcome,
        Instant occurredAt) {
}
