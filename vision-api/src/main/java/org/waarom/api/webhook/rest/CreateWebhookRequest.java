package org.waarom.api.webhook.rest;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** A new webhook: where to deliver, which events, and optionally the signing secret to use. */
@Schema(name = "CreateWebhook")
public record CreateWebhookRequest(
        @NotBlank @Size(max = 2000)
        @Schema(required = true, description = "Absolute http(s) URL that receives the events with POST; "
                + "loopback and private addresses are refused unless the operator allows them",
                examples = "https://hr.zorg-a.be/hooks/waarom") String url,
        @NotEmpty @Size(max = 50)
        @Schema(required = true, description = "Event types to deliver (see the event feed for the list), or [\"*\"] for all",
                examples = "[\"element.version.adopted\", \"goal.reached\"]") List<@NotNull String> events,
        @Schema(description = "Signing secret: whsec_ followed by the base64 of 24 to 64 random bytes. "
                + "Without it one is generated and shown once, in the answer.",
                examples = "whsec_AaD9ZuB3kz6LQEM1O5jCX/mhbfd6qxVV") String secret) {
}
