package org.waarom.api.element;

import java.time.Period;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;

/**
 * The four elements with which an organisation answers "why do we do the work we do?", after the
 * Flemish guide to "missie, visie, waarden en strategie" (docs/api-guide.md#elements-and-versions).
 */
public enum ElementType {

    MISSION("mission", false, Period.ofYears(5), false, false, ContentRule.STATEMENT_REQUIRED,
            "Waarom bestaan we? Wat doen we voor wie?",
            "Why do we exist? What do we do, for whom?",
            "Diensten en doelgroepen", "Services and target groups"),
    VISION("vision", true, Period.ofYears(3), true, false, ContentRule.STATEMENT_REQUIRED,
            "Waar streven we naar? Waarom is het nodig dat we bestaan? Wat willen we bijdragen aan of veranderen in de samenleving?",
            "What do we strive for? Why is it needed that we exist? What do we want to contribute to or change in society?",
            "Ambities", "Aspirations"),
    VALUES("values", false, Period.ofYears(5), false, false, ContentRule.ITEMS_WITH_BEHAVIOURS_REQUIRED,
            "Hoe willen we dit doen? Welke waarden wijzen ons de weg, als rode draad in onze manier van werken die we ook doorgeven aan onze medewerkers?",
            "How do we want to do this? Which values guide us, the red threads in our way of working that we also pass on to our employees?",
            "Waarden", "Values"),
    STRATEGY("strategy", true, Period.ofYears(1), true, true, ContentRule.STATEMENT_OR_ITEMS_REQUIRED,
            "Hoe denken we onze doelen te bereiken? Waar blinken we in uit? Wat is uniek aan de manier waarop we onze diensten verlenen?",
            "How will we reach our goals? What do we excel at? What is distinctive about the way we deliver our services?",
            "Kernkwaliteiten en strategische keuzes", "Core qualities and strategic choices");

    /** What a version's content must hold for this type. */
    public enum ContentRule { STATEMENT_REQUIRED, ITEMS_WITH_BEHAVIOURS_REQUIRED, STATEMENT_OR_ITEMS_REQUIRED }

    private final String path;
    private final boolean changeable;
    private final Period defaultCycle;
    private final boolean reviewOnGoalReached;
    private final boolean reviewOnVisionAdopted;
    private final ContentRule contentRule;
    private final String questionNl;
    private final String questionEn;
    private final String itemLabelNl;
    private final String itemLabelEn;

    ElementType(String path, boolean changeable, Period defaultCycle, boolean reviewOnGoalReached, boolean reviewOnVisionAdopted,
                ContentRule contentRule, String questionNl, String questionEn, String itemLabelNl, String itemLabelEn) {
        this.path = path;
        this.changeable = changeable;
        this.defaultCycle = defaultCycle;
        this.reviewOnGoalReached = reviewOnGoalReached;
        this.reviewOnVisionAdopted = reviewOnVisionAdopted;
        this.contentRule = contentRule;
        this.questionNl = questionNl;
        this.questionEn = questionEn;
        this.itemLabelNl = itemLabelNl;
        this.itemLabelEn = itemLabelEn;
    }

    /** The type named in a URL ({@code vision}); unknown or differently cased names are empty. */
    public static Optional<ElementType> fromPath(String path) {
        return Arrays.stream(values()).filter(type -> type.path.equals(path)).findFirst();
    }

    public static String allPaths() {
        return String.join(", ", Arrays.stream(values()).map(ElementType::path).toList());
    }

    public String path() {
        return path;
    }

    public boolean changeable() {
        return changeable;
    }

    public Period defaultCycle() {
        return defaultCycle;
    }

    public boolean reviewOnGoalReached() {
        return reviewOnGoalReached;
    }

    public boolean reviewOnVisionAdopted() {
        return reviewOnVisionAdopted;
    }

    public ContentRule contentRule() {
        return contentRule;
    }

    public String questionNl() {
        return questionNl;
    }

    public String questionEn() {
        return questionEn;
    }

    public String itemLabelNl() {
        return itemLabelNl;
    }

    public String itemLabelEn() {
        return itemLabelEn;
    }

    @Override
    public String toString() {
        return path.toLowerCase(Locale.ROOT);
    }
}
