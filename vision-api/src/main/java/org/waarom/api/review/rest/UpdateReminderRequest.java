package org.waarom.api.review.rest;

import jakarta.validation.constraints.NotNull;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.UnicodeText;

@Schema(name = "UpdateReminder")
public record UpdateReminderRequest(
        @NotNull @Schema(required = true, description = "The outcome of a sending attempt (PENDING is where every reminder starts, not an outcome)",
                examples = "FAILED") Outcome status,
        @UnicodeText.Cleaned
        @Schema(description = "FAILED (required): what went wrong; at most 2000 characters are kept, without NUL characters "
                + "(an unpaired surrogate is kept as U+FFFD)",
                examples = "SMTP 451 4.7.1 Greylisted, try again later") String error) {

    /** What a sending attempt can come to. */
    @Schema(name = "ReminderOutcome")
    public enum Outcome { SENT, FAILED }
}
