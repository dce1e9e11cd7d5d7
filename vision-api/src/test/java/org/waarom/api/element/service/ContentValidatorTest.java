package org.waarom.api.element.service;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.element.Content;
import org.waarom.api.element.ElementType;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The content rules (docs/api-guide.md#elements-and-versions), with the exact field paths a client sees in
 * {@code errors[]}.
 */
class ContentValidatorTest {

    // ---------------------------------------------------------------------------------------------
    // Keys

    @ParameterizedTest(name = "key \"{0}\" is refused")
    @ValueSource(strings = {"Respect", "rESPECT", "-respect", "re spect", " respect", "respect ", "re_spect", "respéct", "re.spect", "re/spect",
            "a123456789b123456789c123456789d123456789e123456789f123456789ghij"})
    void aKeyThatIsNotASlugIsRefused(String key) {
        List<FieldError> errors = validate(ElementType.VALUES, values(value(key)));

        assertThat(fields(errors)).containsExactly("content.items[0].key");
        assertThat(errors.get(0).message()).isNotBlank();
    }

    @Test
    void aKeyOf64CharactersIsTooLongAndOf63IsFine() {
        String max = "a" + "-".repeat(30) + "b".repeat(32);
        assertThat(max).hasSize(63);
        assertThat(validate(ElementType.VALUES, values(value(max)))).isEmpty();
        assertThat(fields(validate(ElementType.VALUES, values(value(max + "c"))))).containsExactly("content.items[0].key");
    }

    @ParameterizedTest(name = "key \"{0}\" is accepted")
    @ValueSource(strings = {"a", "0", "respect", "1-team", "zorg-op-maat", "respect-", "a--b"})
    void slugKeysAreAccepted(String key) {
        assertThat(validate(ElementType.VALUES, values(value(key)))).isEmpty();
    }

    @Test
    void anEmptyBlankOrMissingKeyIsRequired() {
        List<FieldError> errors = validate(ElementType.VALUES, values(value(""), value("   "), new Content.Item(null, "T", null, List.of("b"))));

        assertThat(fields(errors)).containsExactly("content.items[0].key", "content.items[1].key", "content.items[2].key");
        assertThat(errors).extracting(FieldError::message).containsOnly("is required");
    }

    @Test
    void aKeyUsedTwiceIsReportedOnTheSecondItem() {
        List<FieldError> errors = validate(ElementType.VALUES, values(value("respect"), value("care"), value("respect")));

        assertThat(fields(errors)).containsExactly("content.items[2].key");
        assertThat(errors.get(0).message()).contains("respect");
    }

    @Test
    void everyRepeatOfAKeyIsReported() {
        List<FieldError> errors = validate(ElementType.STRATEGY, new Content(null, List.of(item("a"), item("a"), item("b"), item("a"), item("b"))));

        assertThat(fields(errors)).containsExactly("content.items[1].key", "content.items[3].key", "content.items[4].key");
    }

    @Test
    void keysDifferingOnlyInUpperCaseAreNotDuplicatesButUpperCaseIsRefused() {
        List<FieldError> errors = validate(ElementType.VALUES, values(value("respect"), value("Respect")));

        assertThat(fields(errors)).containsExactly("content.items[1].key");
        assertThat(errors.get(0).message()).doesNotContain("used by another item");
    }

    // ---------------------------------------------------------------------------------------------
    // Item texts

    @Test
    void anItemNeedsATitle() {
        List<FieldError> errors = validate(ElementType.VALUES, values(
                new Content.Item("respect", null, null, List.of("b")),
                new Content.Item("care", "", null, List.of("b")),
                new Content.Item("trust", "  \t", null, List.of("b")),
                new Content.Item("courage", "Moed", null, List.of("b"))));

        assertThat(fields(errors)).containsExactly("content.items[0].title", "content.items[1].title", "content.items[2].title");
    }

    @Test
    void titleIsAtMost200Characters() {
        assertThat(validate(ElementType.VALUES, values(new Content.Item("a", "t".repeat(200), null, List.of("b"))))).isEmpty();
        assertThat(fields(validate(ElementType.VALUES, values(new Content.Item("a", "t".repeat(201), null, List.of("b"))))))
                .containsExactly("content.items[0].title");
    }

    @Test
    void descriptionIsOptionalAndAtMost2000Characters() {
        assertThat(validate(ElementType.VALUES, values(new Content.Item("a", "A", null, List.of("b"))))).isEmpty();
        assertThat(validate(ElementType.VALUES, values(new Content.Item("a", "A", "d".repeat(2000), List.of("b"))))).isEmpty();
        assertThat(fields(validate(ElementType.VALUES, values(new Content.Item("a", "A", "d".repeat(2001), List.of("b"))))))
                .containsExactly("content.items[0].description");
    }

    @ParameterizedTest
    @EnumSource(ElementType.class)
    void itemsOfEveryTypeNeedSlugKeysAndTitles(ElementType type) {
        Content content = new Content("A statement.", List.of(
                new Content.Item("Services", "Services", null, List.of("b")),
                new Content.Item("target-groups", null, null, List.of("b"))));

        assertThat(fields(validate(type, content))).containsExactly("content.items[0].key", "content.items[1].title");
    }

    @Test
    void aMissingItemIsReportedAtItsIndex() {
        List<Content.Item> items = new ArrayList<>();
        items.add(value("respect"));
        items.add(null);
        List<FieldError> errors = validate(ElementType.VALUES, new Content(null, items));

        assertThat(fields(errors)).containsExactly("content.items[1]");
    }

    // ---------------------------------------------------------------------------------------------
    // Statement and number of items

    @Test
    void statementIsAtMost5000Characters() {
        assertThat(validate(ElementType.MISSION, new Content("s".repeat(5000), List.of()))).isEmpty();
        List<FieldError> errors = validate(ElementType.MISSION, new Content("s".repeat(5001), List.of()));

        assertThat(fields(errors)).containsExactly("content.statement");
        assertThat(errors.get(0).message()).contains("5000");
    }

    @ParameterizedTest
    @EnumSource(ElementType.class)
    void theStatementLimitHoldsForEveryType(ElementType type) {
        Content content = new Content("s".repeat(5001), List.of(value("respect")));

        assertThat(fields(validate(type, content))).containsExactly("content.statement");
    }

    @Test
    void atMost50Items() {
        List<Content.Item> fifty = IntStream.range(0, 50).mapToObj(i -> value("v" + i)).toList();
        assertThat(validate(ElementType.VALUES, new Content(null, fifty))).isEmpty();

        List<Content.Item> fiftyOne = IntStream.range(0, 51).mapToObj(i -> value("v" + i)).toList();
        List<FieldError> errors = validate(ElementType.VALUES, new Content(null, fiftyOne));
        assertThat(fields(errors)).containsExactly("content.items");
        assertThat(errors.get(0).message()).contains("50");
    }

    // ---------------------------------------------------------------------------------------------
    // Behaviours

    @Test
    void valuesNeedAtLeastOneItem() {
        assertThat(fields(validate(ElementType.VALUES, new Content(null, List.of())))).containsExactly("content.items");
        assertThat(fields(validate(ElementType.VALUES, new Content("Only a statement.", null)))).containsExactly("content.items");
    }

    @Test
    void everyValueNeedsABehaviour() {
        List<FieldError> errors = validate(ElementType.VALUES, values(
                value("respect", "We ask."),
                new Content.Item("care", "Care", null, List.of()),
                new Content.Item("trust", "Trust", null, null)));

        assertThat(fields(errors)).containsExactly("content.items[1].behaviours", "content.items[2].behaviours");
    }

    @Test
    void aBlankBehaviourIsRefusedAtItsIndex() {
        List<String> behaviours = new ArrayList<>(List.of("We ask.", "", "We knock.", "   "));
        behaviours.add(null);
        List<FieldError> errors = validate(ElementType.VALUES, values(new Content.Item("respect", "Respect", null, behaviours)));

        assertThat(fields(errors)).containsExactly(
                "content.items[0].behaviours[1]", "content.items[0].behaviours[3]", "content.items[0].behaviours[4]");
    }

    @Test
    void atMost20BehavioursOfAtMost500Characters() {
        List<String> twenty = IntStream.range(0, 20).mapToObj(i -> "Behaviour " + i).toList();
        assertThat(validate(ElementType.VALUES, values(new Content.Item("a", "A", null, twenty)))).isEmpty();

        List<String> twentyOne = IntStream.range(0, 21).mapToObj(i -> "Behaviour " + i).toList();
        assertThat(fields(validate(ElementType.VALUES, values(new Content.Item("a", "A", null, twentyOne)))))
                .containsExactly("content.items[0].behaviours");

        assertThat(validate(ElementType.VALUES, values(new Content.Item("a", "A", null, List.of("b".repeat(500)))))).isEmpty();
        assertThat(fields(validate(ElementType.VALUES, values(new Content.Item("a", "A", null, List.of("ok", "b".repeat(501)))))))
                .containsExactly("content.items[0].behaviours[1]");
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"MISSION", "VISION", "STRATEGY"})
    void onlyValuesNeedBehaviours(ElementType type) {
        Content content = new Content("A statement.", List.of(item("services"), item("target-groups")));

        assertThat(validate(type, content)).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"MISSION", "VISION", "STRATEGY"})
    void blankBehavioursAreRefusedForEveryType(ElementType type) {
        Content content = new Content("A statement.", List.of(new Content.Item("a", "A", null, List.of(" "))));

        assertThat(fields(validate(type, content))).containsExactly("content.items[0].behaviours[0]");
    }

    // ---------------------------------------------------------------------------------------------
    // What each type needs

    @ParameterizedTest
    @EnumSource(value = ElementType.class, names = {"MISSION", "VISION"})
    void missionAndVisionNeedAStatement(ElementType type) {
        assertThat(fields(validate(type, new Content(null, List.of())))).containsExactly("content.statement");
        assertThat(fields(validate(type, new Content("", List.of())))).containsExactly("content.statement");
        assertThat(fields(validate(type, new Content(" \n\t ", List.of())))).containsExactly("content.statement");
        // Items do not replace the statement.
        assertThat(fields(validate(type, new Content(null, List.of(item("a")))))).containsExactly("content.statement");
    }

    @Test
    void strategyNeedsAStatementOrItems() {
        List<FieldError> errors = validate(ElementType.STRATEGY, new Content(null, List.of()));
        assertThat(fields(errors)).containsExactly("content");
        assertThat(fields(validate(ElementType.STRATEGY, new Content("   ", null)))).containsExactly("content");

        assertThat(validate(ElementType.STRATEGY, new Content(null, List.of(item("kleinschalig"))))).isEmpty();
        assertThat(validate(ElementType.STRATEGY, new Content("We choose small-scale housing.", List.of()))).isEmpty();
    }

    @ParameterizedTest
    @EnumSource(ElementType.class)
    void missingContentIsRequired(ElementType type) {
        List<FieldError> errors = ContentValidator.validate(type, null, "content");

        assertThat(fields(errors)).containsExactly("content");
        assertThat(errors.get(0).message()).isEqualTo("is required");
    }

    @Test
    void validContentOfEveryTypeHasNoErrors() {
        assertThat(validate(ElementType.MISSION, new Content("We support people with a disability to live the life they choose.",
                List.of(new Content.Item("wonen", "Wonen", "Begeleid wonen", List.of()))))).isEmpty();
        assertThat(validate(ElementType.MISSION, new Content("We exist for them.", null))).isEmpty();
        assertThat(validate(ElementType.VISION, new Content("A society where everybody counts.",
                List.of(item("inclusive-housing"), item("work-for-all"))))).isEmpty();
        assertThat(validate(ElementType.VALUES, new Content(null, List.of(
                new Content.Item("respect", "Respect", "We start from what the person wants.", List.of("We ask before we act.", "We knock before we enter.")),
                new Content.Item("care", "Zorg", null, List.of("We help."))))))
                .isEmpty();
        assertThat(validate(ElementType.STRATEGY, new Content("Small-scale.", List.of(item("kleinschalig"))))).isEmpty();
    }

    // ---------------------------------------------------------------------------------------------
    // Reporting

    @Test
    void everyBrokenRuleIsReportedNotOnlyTheFirst() {
        List<Content.Item> items = List.of(
                new Content.Item("Bad Key", "", "d".repeat(2001), List.of()),
                new Content.Item("ok", "OK", null, List.of("")),
                new Content.Item("ok", "OK again", null, List.of("fine")));
        List<FieldError> errors = validate(ElementType.VALUES, new Content("s".repeat(5001), items));

        assertThat(fields(errors)).containsExactlyInAnyOrder(
                "content.statement",
                "content.items[0].key", "content.items[0].title", "content.items[0].description", "content.items[0].behaviours",
                "content.items[1].behaviours[0]",
                "content.items[2].key");
        assertThat(errors).allSatisfy(error -> assertThat(error.message()).isNotBlank());
    }

    @Test
    void pathsStartWithTheGivenPrefix() {
        List<FieldError> errors = ContentValidator.validate(ElementType.VALUES,
                new Content(null, List.of(new Content.Item("X", "X", null, List.of()))), "translation.content");

        assertThat(fields(errors)).containsExactly("translation.content.items[0].key", "translation.content.items[0].behaviours");
    }

    // ---------------------------------------------------------------------------------------------

    private static List<FieldError> validate(ElementType type, Content content) {
        return ContentValidator.validate(type, content, "content");
    }

    private static List<String> fields(List<FieldError> errors) {
        return errors.stream().map(FieldError::field).toList();
    }

    private static Content values(Content.Item... items) {
        return new Content(null, Arrays.asList(items));
    }

    /** A valid value: a title and one behaviour. */
    private static Content.Item value(String key, String... behaviours) {
        return new Content.Item(key, "Title of " + key, null, behaviours.length == 0 ? List.of("We act on it.") : List.of(behaviours));
    }

    private static Content.Item item(String key) {
        return new Content.Item(key, "Title of " + key, null, List.of());
    }
}
