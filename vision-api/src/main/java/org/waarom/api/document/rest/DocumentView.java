package org.waarom.api.document.rest;

import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.waarom.api.element.Content;
import org.waarom.api.goal.Direction;
import org.waarom.api.goal.GoalKind;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;

/**
 * The vision document (docs/intranet.md#the-vision-document): the four current elements and the active goals of one
 * organisation in one language. The same record feeds the JSON, HTML and Markdown representations, and
 * its content alone decides the document's ETag.
 */
@Schema(name = "VisionDocument", description = "Mission, vision, values and strategy in effect now, and the active goals with their progress")
public record DocumentView(
        @Schema(examples = "zorg-a") String organization,
        @Schema(description = "The organisation's name", examples = "Zorg A") String name,
        @Schema(description = "The negotiated language of the document (also in Content-Language); an element without an approved "
                + "translation in it is in the default language, which its own `language` says", examples = "nl") String language,
        @Schema(description = "`easy-read` when asked for with `?variant=easy-read` and at least one element is its easy-read text (each "
                + "element's own `variant` says which are); else `standard`. Also in the Waarom-Variant header",
                enumeration = {"standard", "easy-read"}, examples = "standard") String variant,
        DocumentElement mission,
        DocumentElement vision,
        DocumentElement values,
        DocumentElement strategy,
        @Schema(description = "Open strategic goals, each with its open operational goals; an open operational goal whose strategic goal "
                + "is no longer open is listed on its own") List<DocumentGoal> goals) {

    /** One of the four elements as it is in effect now, or not adopted yet. */
    @Schema(name = "DocumentElement")
    public record DocumentElement(
            @Schema(examples = "values") String element,
            @Schema(description = "False until a version has been adopted (and has taken effect); then the rest is null or empty")
            boolean adopted,
            @Schema(description = "Number of the version in effect; null when not adopted", nullable = true, examples = "3") Integer version,
            @Schema(description = "Since when that version is in effect; null when not adopted", nullable = true, examples = "2026-03-02T00:00:00Z")
            Instant effectiveFrom,
            @Schema(description = "Language of the texts: the document's, or the default language where no approved translation exists; "
                    + "null when not adopted", nullable = true, examples = "nl") String language,
            @Schema(description = "Which text: `standard`, or `easy-read` (language level B1) when the document was asked for as easy-read and "
                    + "the element has an approved easy-read text in its language; null when not adopted", nullable = true,
                    enumeration = {"standard", "easy-read"}, examples = "standard") String variant,
            @Schema(description = "The statement, exactly as stored; null when not adopted or when the version has none", nullable = true)
            String statement,
            @Schema(description = "Values with their behaviours, aspirations, core qualities and strategic choices, services")
            List<Content.Item> items) {
    }

    /** A goal that is neither reached nor abandoned, with progress as the goal API computes it. */
    @Schema(name = "DocumentGoal")
    public record DocumentGoal(
            @Schema(examples = "12") long id,
            GoalKind kind,
            @Schema(description = "The strategic goal of an operational goal; null for a strategic goal", nullable = true, examples = "12")
            Long parentId,
            @Schema(examples = "Inclusive housing") String title,
            @Schema(description = "null when none was given", nullable = true) String description,
            @Schema(description = "Who is responsible for it; null when nobody was named", nullable = true) String owner,
            @Schema(description = "When it should be reached; null when no date was set", nullable = true) LocalDate targetDate,
            @Schema(examples = "[\"vision\"]") List<String> serves,
            @Schema(description = "0 to 100, from its indicators (operational) or its open operational goals (strategic)", examples = "75")
            BigDecimal progress,
            List<DocumentIndicator> indicators,
            @Schema(description = "Its open operational goals (strategic goals)") List<DocumentGoal> operationalGoals) {
    }

    /** An indicator of a goal: the latest measurement against the target. */
    @Schema(name = "DocumentIndicator")
    public record DocumentIndicator(
            @Schema(examples = "Clients living in a regular street") String name,
            @Schema(description = "The unit of its values; null when none was given", nullable = true, examples = "%") String unit,
            @Schema(examples = "40") BigDecimal baseline,
            @Schema(examples = "60") BigDecimal target,
            Direction direction,
            @Schema(description = "The latest measurement, by date; null before the first", nullable = true, examples = "55") BigDecimal latestValue,
            @Schema(description = "The date of the latest measurement; null before the first", nullable = true, examples = "2026-06-30")
            LocalDate latestMeasuredAt,
            @Schema(description = "0 to 100, from baseline to target", examples = "75") BigDecimal progress,
            boolean targetMet) {
    }
}
