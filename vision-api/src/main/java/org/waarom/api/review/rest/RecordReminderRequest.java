package org.waarom.api.review.rest;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.review.ReviewReminder;

import java.util.List;

@Schema(name = "RecordReminder")
public record RecordReminderRequest(
        @NotNull @Schema(required = true, examples = "UPCOMING") ReviewReminder.Kind kind,
        @NotNull @Schema(required = true, examples = "EMAIL") ReviewReminder.Channel channel,
        @Size(max = 50) @Schema(description = "The people addressed (0 to 50); at least one for EMAIL, may be empty for WEBHOOK",
                examples = "[{\"name\": \"An Peeters\", \"email\": \"an@zorg-a.be\"}]") List<@NotNull @Valid ReminderRecipient> recipients) {
}
