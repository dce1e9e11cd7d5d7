package org.waarom.api.element.service;

import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.waarom.api.element.Content;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

/**
 * The diff of two versions (docs/api-guide.md#elements-and-versions): items by key, field by field, and a
 * word diff of the statement. Pure logic.
 */
class DiffServiceTest {

    private final DiffService diffs = new DiffService();

    // ---------------------------------------------------------------------------------------------
    // Statement

    @Nested
    class Statement {

        @Test
        void aChangedWordIsDeletedAndInsertedAsAWholeWord() {
            VersionDiff.StatementDiff diff = statementDiff("We support people with a disability.", "We support persons with a disability.");

            assertThat(diff.changed()).isTrue();
            assertThat(diff.ops()).containsExactly(
                    op("equal", "We support "),
                    op("delete", "people"),
                    op("insert", "persons"),
                    op("equal", " with a disability."));
        }

        @Test
        void wordsAddedAtTheEndAreOneInsert() {
            VersionDiff.StatementDiff diff = statementDiff("We support people.", "We support people. Every day, everywhere.");

            assertThat(diff.changed()).isTrue();
            assertThat(diff.ops()).containsExactly(
                    op("equal", "We support people."),
                    op("insert", " Every day, everywhere."));
        }

        @Test
        void wordsRemovedFromTheStartAreOneDelete() {
            VersionDiff.StatementDiff diff = statementDiff("Together we support people.", "we support people.");

            assertThat(diff.ops()).containsExactly(
                    op("delete", "Together "),
                    op("equal", "we support people."));
        }

        @Test
        void wordsAreNeverSplitAndOperationsAreNeverRepeatedOrEmpty() {
            VersionDiff.StatementDiff diff = statementDiff("one two three four", "one six seven four");

            // Never two consecutive operations of the same kind, never an empty text.
            for (int i = 1; i < diff.ops().size(); i++) {
                assertThat(diff.ops().get(i).op()).isNotEqualTo(diff.ops().get(i - 1).op());
            }
            assertThat(diff.ops()).allSatisfy(op -> assertThat(op.text()).isNotEmpty());
            // Whole words are kept, deleted and inserted; no word is cut into characters.
            assertThat(words(diff, "equal")).containsExactly("one", "four");
            assertThat(words(diff, "delete")).containsExactly("two", "three");
            assertThat(words(diff, "insert")).containsExactly("six", "seven");
        }

        @ParameterizedTest(name = "[{index}] {0} -> {1}")
        @MethodSource("org.waarom.api.element.service.DiffServiceTest#statementPairs")
        void operationsRebuildBothTextsExactly(String from, String to) {
            VersionDiff.StatementDiff diff = statementDiff(from, to);

            assertThat(rebuild(diff, "delete")).isEqualTo(from == null ? "" : from);
            assertThat(rebuild(diff, "insert")).isEqualTo(to == null ? "" : to);
            assertThat(diff.ops()).allSatisfy(op -> {
                assertThat(op.op()).isIn("equal", "insert", "delete");
                assertThat(op.text()).isNotEmpty();
            });
            assertThat(diff.changed()).isEqualTo(!(from == null ? "" : from).equals(to == null ? "" : to));
        }

        @Test
        void anUnchangedStatementIsOneEqualOperation() {
            String text = "Iedereen telt mee,  ook wie\tanders is.\nEcht iedereen.";
            VersionDiff.StatementDiff diff = statementDiff(text, text);

            assertThat(diff.changed()).isFalse();
            assertThat(diff.ops()).containsExactly(op("equal", text));
        }

        @Test
        void whitespaceOnlyChangesAreChangesAndKeptExactly() {
            VersionDiff.StatementDiff diff = statementDiff("We  care.", "We care.");

            assertThat(diff.changed()).isTrue();
            assertThat(rebuild(diff, "delete")).isEqualTo("We  care.");
            assertThat(rebuild(diff, "insert")).isEqualTo("We care.");
            assertThat(diff.ops()).extracting(VersionDiff.Operation::op).contains("delete", "insert");
        }

        @Test
        void aStatementThatAppearsIsOneInsert() {
            VersionDiff.StatementDiff diff = statementDiff(null, "A new statement.");

            assertThat(diff.changed()).isTrue();
            assertThat(diff.ops()).containsExactly(op("insert", "A new statement."));
        }

        @Test
        void aStatementThatDisappearsIsOneDelete() {
            VersionDiff.StatementDiff diff = statementDiff("An old statement.", null);

            assertThat(diff.changed()).isTrue();
            assertThat(diff.ops()).containsExactly(op("delete", "An old statement."));
        }

        @Test
        void anEmptyStatementReplacedByTextIsOneInsert() {
            VersionDiff.StatementDiff diff = statementDiff("", "Text.");

            assertThat(diff.changed()).isTrue();
            assertThat(diff.ops()).containsExactly(op("insert", "Text."));
        }

        @Test
        void noStatementOnEitherSideIsUnchangedWithoutOperations() {
            assertThat(statementDiff(null, null).changed()).isFalse();
            assertThat(statementDiff(null, null).ops()).isEmpty();
            // Absent and empty both mean "no statement".
            assertThat(statementDiff(null, "").changed()).isFalse();
            assertThat(statementDiff("", null).ops()).isEmpty();
            assertThat(statementDiff("", "").changed()).isFalse();
        }
    }

    static Stream<Arguments> statementPairs() {
        return Stream.of(
                Arguments.of("We support people with a disability.", "We support persons with a disability to live the life they choose."),
                Arguments.of("a b c d e f", "f e d c b a"),
                Arguments.of("  leading and trailing  ", "leading and trailing"),
                Arguments.of("line one\nline two\n", "line one\r\nline 2\n\n"),
                Arguments.of("Zorg voor élke cliënt — altijd.", "Zorg voor iedere cliënt — overal, altijd."),
                Arguments.of("same same same", "same same"),
                Arguments.of("tabs\tand  spaces", "tabs and\tspaces"),
                Arguments.of("", "Only new."),
                Arguments.of("Only old.", ""),
                Arguments.of(null, "Only new."),
                Arguments.of("Only old.", null),
                Arguments.of("Unchanged text.", "Unchanged text."));
    }

    // ---------------------------------------------------------------------------------------------
    // Items

    @Nested
    class Items {

        @Test
        void anAddedItemIsListedWithItsKeyAndTitle() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(item("respect"), item("care")),
                    List.of(item("respect"), item("care"), item("trust", "Vertrouwen")));

            assertThat(diff.added()).containsExactly(new VersionDiff.ItemRef("trust", "Vertrouwen"));
            assertThat(diff.removed()).isEmpty();
            assertThat(diff.changed()).isEmpty();
        }

        @Test
        void aRemovedItemIsListedWithItsKeyAndTitle() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(item("respect"), item("care", "Zorg"), item("trust")),
                    List.of(item("respect"), item("trust")));

            assertThat(diff.removed()).containsExactly(new VersionDiff.ItemRef("care", "Zorg"));
            assertThat(diff.added()).isEmpty();
            // trust shifted from 2 to 1 only because care was removed: not a move.
            assertThat(diff.changed()).isEmpty();
        }

        @Test
        void itemsInsertedAtTheStartDoNotMoveTheOthers() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(item("a"), item("b"), item("c")),
                    List.of(item("x"), item("y"), item("a"), item("b"), item("c")));

            assertThat(diff.added()).extracting(VersionDiff.ItemRef::key).containsExactly("x", "y");
            assertThat(diff.changed()).isEmpty();
        }

        @Test
        void itemsRemovedAndAddedAroundTheKeptOnesDoNotMoveThem() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(item("a"), item("b"), item("c"), item("d")),
                    List.of(item("c"), item("d"), item("e")));

            assertThat(diff.removed()).extracting(VersionDiff.ItemRef::key).containsExactly("a", "b");
            assertThat(diff.added()).extracting(VersionDiff.ItemRef::key).containsExactly("e");
            assertThat(diff.changed()).isEmpty();
        }

        @Test
        void identicalItemsGiveAnEmptyDiff() {
            List<Content.Item> items = List.of(
                    new Content.Item("respect", "Respect", "We start from the person.", List.of("We ask.", "We knock.")),
                    new Content.Item("care", "Care", null, List.of()));
            VersionDiff.ItemsDiff diff = itemsDiff(items, List.copyOf(items));

            assertThat(diff.added()).isEmpty();
            assertThat(diff.removed()).isEmpty();
            assertThat(diff.changed()).isEmpty();
        }

        @Test
        void aChangedTitleIsReportedWithOldAndNewValue() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(item("respect", "Respect"), item("care", "Zorg")),
                    List.of(item("respect", "Respect"), item("care", "Zorgzaamheid")));

            assertThat(diff.changed()).singleElement().satisfies(change -> {
                assertThat(change.key()).isEqualTo("care");
                assertThat(change.fields()).containsExactly(new VersionDiff.FieldChange("title", "Zorg", "Zorgzaamheid", null, null));
            });
        }

        @Test
        void aChangedDescriptionIsReportedIncludingOneThatAppearsOrDisappears() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(new Content.Item("a", "A", "old", List.of()), new Content.Item("b", "B", null, List.of()),
                            new Content.Item("c", "C", "gone", List.of())),
                    List.of(new Content.Item("a", "A", "new", List.of()), new Content.Item("b", "B", "appears", List.of()),
                            new Content.Item("c", "C", null, List.of())));

            assertThat(diff.changed()).extracting(VersionDiff.ItemChange::key).containsExactly("a", "b", "c");
            Map<String, VersionDiff.ItemChange> byKey = byKey(diff.changed());
            assertThat(byKey.get("a").fields()).containsExactly(VersionDiff.FieldChange.of("description", "old", "new"));
            assertThat(byKey.get("b").fields()).containsExactly(VersionDiff.FieldChange.of("description", null, "appears"));
            assertThat(byKey.get("c").fields()).containsExactly(VersionDiff.FieldChange.of("description", "gone", null));
        }

        @Test
        void changedBehavioursListWhatWasAddedAndRemoved() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(new Content.Item("respect", "Respect", null, List.of("We ask.", "We knock.", "We listen."))),
                    List.of(new Content.Item("respect", "Respect", null, List.of("We knock.", "We listen.", "We wait.", "We explain."))));

            assertThat(diff.changed()).singleElement().satisfies(change -> {
                assertThat(change.key()).isEqualTo("respect");
                assertThat(change.fields()).singleElement().satisfies(field -> {
                    assertThat(field.field()).isEqualTo("behaviours");
                    assertThat(field.from()).isEqualTo(List.of("We ask.", "We knock.", "We listen."));
                    assertThat(field.to()).isEqualTo(List.of("We knock.", "We listen.", "We wait.", "We explain."));
                    assertThat(field.added()).containsExactly("We wait.", "We explain.");
                    assertThat(field.removed()).containsExactly("We ask.");
                });
            });
        }

        @Test
        void behavioursThatOnlyChangedOrderAreAChangeWithNothingAddedOrRemoved() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(new Content.Item("respect", "Respect", null, List.of("We ask.", "We knock."))),
                    List.of(new Content.Item("respect", "Respect", null, List.of("We knock.", "We ask."))));

            assertThat(diff.changed()).singleElement().satisfies(change ->
                    assertThat(change.fields()).singleElement().satisfies(field -> {
                        assertThat(field.field()).isEqualTo("behaviours");
                        assertThat(field.added()).isEmpty();
                        assertThat(field.removed()).isEmpty();
                    }));
        }

        @Test
        void everyChangedFieldOfAnItemIsReportedInDocumentOrder() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(new Content.Item("respect", "Respect", "old", List.of("We ask."))),
                    List.of(new Content.Item("respect", "Eerbied", "new", List.of("We ask first."))));

            assertThat(diff.changed()).singleElement().satisfies(change ->
                    assertThat(change.fields()).extracting(VersionDiff.FieldChange::field)
                            .containsExactly("title", "description", "behaviours"));
        }

        @Test
        void aSwappedPairIsReportedAsAPositionChange() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(item("a"), item("b"), item("c"), item("d")),
                    List.of(item("a"), item("c"), item("b"), item("d")));

            assertThat(diff.added()).isEmpty();
            assertThat(diff.removed()).isEmpty();
            // One of the pair moved past the other; which one is reported is the diff's choice,
            // but it must be one of the pair, with its true old and new positions, and nothing else.
            Map<String, Integer> oldPositions = Map.of("b", 1, "c", 2);
            Map<String, Integer> newPositions = Map.of("b", 2, "c", 1);
            assertThat(diff.changed()).isNotEmpty().allSatisfy(change -> {
                assertThat(change.key()).isIn("b", "c");
                assertThat(change.fields()).containsExactly(
                        VersionDiff.FieldChange.of("position", oldPositions.get(change.key()), newPositions.get(change.key())));
            });
        }

        @Test
        void aSwapOfTwoItemsAloneIsReported() {
            VersionDiff.ItemsDiff diff = itemsDiff(List.of(item("a"), item("b")), List.of(item("b"), item("a")));

            assertThat(diff.changed()).isNotEmpty().allSatisfy(change ->
                    assertThat(change.fields()).extracting(VersionDiff.FieldChange::field).containsExactly("position"));
        }

        @Test
        void anItemMovedToTheEndIsTheOnlyOneReportedAsMoved() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(item("a"), item("b"), item("c"), item("d")),
                    List.of(item("b"), item("c"), item("d"), item("a")));

            assertThat(diff.changed()).containsExactly(
                    new VersionDiff.ItemChange("a", List.of(VersionDiff.FieldChange.of("position", 0, 3))));
        }

        @Test
        void anItemMovedToTheStartIsTheOnlyOneReportedAsMoved() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(item("a"), item("b"), item("c"), item("d"), item("e")),
                    List.of(item("e"), item("a"), item("b"), item("c"), item("d")));

            assertThat(diff.changed()).containsExactly(
                    new VersionDiff.ItemChange("e", List.of(VersionDiff.FieldChange.of("position", 4, 0))));
        }

        @Test
        void aMoveIsJudgedAmongTheKeptItemsOnly() {
            // x is removed and y added; c moves before a. Only c is reported as moved, with its real positions.
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(item("x"), item("a"), item("b"), item("c")),
                    List.of(item("c"), item("a"), item("y"), item("b")));

            assertThat(diff.removed()).extracting(VersionDiff.ItemRef::key).containsExactly("x");
            assertThat(diff.added()).extracting(VersionDiff.ItemRef::key).containsExactly("y");
            assertThat(diff.changed()).containsExactly(
                    new VersionDiff.ItemChange("c", List.of(VersionDiff.FieldChange.of("position", 3, 0))));
        }

        @Test
        void aMovedItemWithOtherChangesListsPositionLast() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(item("a", "Aa"), item("b"), item("c"), item("d")),
                    List.of(item("b"), item("c"), item("d"), item("a", "Ab")));

            assertThat(diff.changed()).containsExactly(new VersionDiff.ItemChange("a", List.of(
                    VersionDiff.FieldChange.of("title", "Aa", "Ab"),
                    VersionDiff.FieldChange.of("position", 0, 3))));
        }

        @Test
        void addedRemovedAndChangedTogether() {
            VersionDiff.ItemsDiff diff = itemsDiff(
                    List.of(new Content.Item("respect", "Respect", null, List.of("We ask.")),
                            new Content.Item("care", "Zorg", null, List.of("We help.")),
                            new Content.Item("trust", "Vertrouwen", null, List.of("We trust."))),
                    List.of(new Content.Item("openness", "Openheid", null, List.of("We share.")),
                            new Content.Item("respect", "Respect", null, List.of("We ask.", "We listen.")),
                            new Content.Item("trust", "Vertrouwen", null, List.of("We trust.")),
                            new Content.Item("courage", "Moed", null, List.of("We dare."))));

            assertThat(diff.added()).containsExactly(
                    new VersionDiff.ItemRef("openness", "Openheid"), new VersionDiff.ItemRef("courage", "Moed"));
            assertThat(diff.removed()).containsExactly(new VersionDiff.ItemRef("care", "Zorg"));
            assertThat(diff.changed()).hasSize(1);
            assertThat(diff.changed().get(0).key()).isEqualTo("respect");
            assertThat(diff.changed().get(0).fields()).extracting(VersionDiff.FieldChange::field, VersionDiff.FieldChange::added,
                    VersionDiff.FieldChange::removed).containsExactly(tuple("behaviours", List.of("We listen."), List.of()));
        }

        @Test
        void fromNoItemsEverythingIsAddedAndToNoItemsEverythingIsRemoved() {
            VersionDiff.ItemsDiff appeared = itemsDiff(List.of(), List.of(item("a"), item("b")));
            assertThat(appeared.added()).extracting(VersionDiff.ItemRef::key).containsExactly("a", "b");
            assertThat(appeared.removed()).isEmpty();
            assertThat(appeared.changed()).isEmpty();

            VersionDiff.ItemsDiff disappeared = itemsDiff(List.of(item("a"), item("b")), List.of());
            assertThat(disappeared.removed()).extracting(VersionDiff.ItemRef::key).containsExactly("a", "b");
            assertThat(disappeared.added()).isEmpty();
            assertThat(disappeared.changed()).isEmpty();
        }
    }

    // ---------------------------------------------------------------------------------------------
    // The whole diff

    @Test
    void theDiffNamesBothVersionsAndCombinesStatementAndItems() {
        Content from = new Content("We support people.", List.of(item("a"), item("b")));
        Content to = new Content("We support persons.", List.of(item("b"), new Content.Item("a", "A2", null, List.of()), item("c")));

        VersionDiff diff = diffs.diff(2, from, 5, to);

        assertThat(diff.from()).isEqualTo(2);
        assertThat(diff.to()).isEqualTo(5);
        assertThat(diff.statement().changed()).isTrue();
        assertThat(rebuild(diff.statement(), "delete")).isEqualTo("We support people.");
        assertThat(rebuild(diff.statement(), "insert")).isEqualTo("We support persons.");
        assertThat(diff.items().added()).extracting(VersionDiff.ItemRef::key).containsExactly("c");
        assertThat(diff.items().removed()).isEmpty();
        assertThat(byKey(diff.items().changed())).containsKey("a");
        assertThat(byKey(diff.items().changed()).get("a").fields()).extracting(VersionDiff.FieldChange::field).startsWith("title");
    }

    @Test
    void contentWithoutItemsOrStatementDiffsCleanly() {
        VersionDiff diff = diffs.diff(1, new Content(null, null), 2, new Content(null, null));

        assertThat(diff.statement().changed()).isFalse();
        assertThat(diff.statement().ops()).isEmpty();
        assertThat(diff.items().added()).isEmpty();
        assertThat(diff.items().removed()).isEmpty();
        assertThat(diff.items().changed()).isEmpty();
    }

    @ParameterizedTest
    @CsvSource({"a b c,a b c,false", "a b c,a c b,true", "'',x,true"})
    void theWholeDiffReportsWhetherTheStatementChanged(String from, String to, boolean changed) {
        assertThat(diffs.diff(1, new Content(from, List.of()), 2, new Content(to, List.of())).statement().changed()).isEqualTo(changed);
    }

    // ---------------------------------------------------------------------------------------------

    private VersionDiff.StatementDiff statementDiff(String from, String to) {
        return diffs.diff(1, new Content(from, List.of()), 2, new Content(to, List.of())).statement();
    }

    private VersionDiff.ItemsDiff itemsDiff(List<Content.Item> from, List<Content.Item> to) {
        return diffs.diff(1, new Content("s", from), 2, new Content("s", to)).items();
    }

    /** Concatenates the equal operations and those of {@code kind}: the old text for delete, the new one for insert. */
    private static String rebuild(VersionDiff.StatementDiff diff, String kind) {
        return diff.ops().stream().filter(op -> op.op().equals("equal") || op.op().equals(kind))
                .map(VersionDiff.Operation::text).collect(Collectors.joining());
    }

    private static List<String> words(VersionDiff.StatementDiff diff, String kind) {
        return diff.ops().stream().filter(op -> op.op().equals(kind))
                .flatMap(op -> Stream.of(op.text().trim().split("\\s+"))).filter(word -> !word.isEmpty()).toList();
    }

    private static VersionDiff.Operation op(String op, String text) {
        return new VersionDiff.Operation(op, text);
    }

    private static Content.Item item(String key) {
        return item(key, key.toUpperCase());
    }

    private static Content.Item item(String key, String title) {
        return new Content.Item(key, title, null, List.of());
    }

    private static Map<String, VersionDiff.ItemChange> byKey(List<VersionDiff.ItemChange> changes) {
        return changes.stream().collect(Collectors.toMap(VersionDiff.ItemChange::key, Function.identity()));
    }
}
