package org.waarom.api.goal.rest;

import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.common.http.NotRemovable;

import java.time.LocalDate;
import java.util.List;

import static org.waarom.api.common.BlankText.NOT_BLANK;

/**
 * A partial change of a goal (merge patch): fields left out stay. Kind and parent do not change. A goal always has a
 * title (and a strategic goal what it serves), so {@code null} for those is refused naming the field.
 */
@Schema(name = "UpdateGoal")
public record UpdateGoalRequest(
        @NotRemovable @Size(min = 1, max = 200) @Pattern(regexp = NOT_BLANK, message = "must not be blank") String title,
        @Size(max = 5000) String description,
        @Size(max = 200) String owner,
        LocalDate targetDate,
        @NotRemovable @Size(min = 1, max = 2) List<@NotNull String> serves) {
}
