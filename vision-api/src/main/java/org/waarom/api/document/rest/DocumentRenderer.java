package org.waarom.api.document.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.waarom.api.document.rest.DocumentView.DocumentElement;
import org.waarom.api.document.rest.DocumentView.DocumentGoal;
import org.waarom.api.document.rest.DocumentView.DocumentIndicator;
import org.waarom.api.element.Content;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.TextVariant;
import org.waarom.api.goal.GoalKind;

import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.text.NumberFormat;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the vision document as a printable HTML page and as Markdown, from the Qute templates
 * {@code templates/DocumentRenderer/printable.html} and {@code markdown.md}. The HTML template escapes
 * every value (Qute's default for {@code .html}; nothing is output {@code raw}); the Markdown template
 * passes every stored text through {@link MarkdownText}. Words, numbers and dates are in the document's
 * language: Dutch, French, German, or English for any other.
 */
@ApplicationScoped
public class DocumentRenderer {

    /** Finds the page's own style sheet, whose digest the Content-Security-Policy allows. */
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance printable(DocumentPage page);

        static native TemplateInstance markdown(DocumentPage page);
    }

    @Inject
    DocumentMessages english;

    @Inject
    @Localized("nl")
    DocumentMessages dutch;

    @Inject
    @Localized("fr")
    DocumentMessages french;

    @Inject
    @Localized("de")
    DocumentMessages german;

    public String html(DocumentView document) {
        return Templates.printable(page(document)).render();
    }

    public String markdown(DocumentView document) {
        return Templates.markdown(page(document)).render();
    }

    /**
     * The Content-Security-Policy of a page {@link #html} wrote: nothing may load or run, and only its own
     * style sheet applies (by digest, so that no injected style could, even if one got past the escaping).
     */
    public static String contentSecurityPolicy(String html) {
        List<String> digests = new ArrayList<>();
        Matcher style = STYLE.matcher(html);
        while (style.find()) {
            digests.add("'sha256-" + sha256(style.group(1)) + "'");
        }
        return "default-src 'none'; style-src " + (digests.isEmpty() ? "'none'" : String.join(" ", digests))
                + "; base-uri 'none'; form-action 'none'; frame-ancestors 'none'";
    }

    DocumentPage page(DocumentView document) {
        DocumentMessages words = words(document.language());
        Locale locale = locale(document.language());
        List<DocumentPage.Part> parts = List.of(
                part(document.mission(), words.mission(), words.missionItems(), document.language(), words, locale),
                part(document.vision(), words.vision(), words.visionItems(), document.language(), words, locale),
                part(document.values(), words.values(), null, document.language(), words, locale),
                part(document.strategy(), words.strategy(), words.strategyItems(), document.language(), words, locale));
        List<DocumentPage.GoalPart> goals = new ArrayList<>();
        for (DocumentGoal goal : document.goals()) {
            goals.add(goal(goal, 3, words, locale));
            goal.operationalGoals().forEach(operational -> goals.add(goal(operational, 4, words, locale)));
        }
        return new DocumentPage(document.language(), document.name(), words, parts, goals);
    }

    private static DocumentPage.Part part(DocumentElement element, String heading, String itemsHeading, String documentLanguage,
                                          DocumentMessages words, Locale locale) {
        if (!element.adopted()) {
            return new DocumentPage.Part(element.element(), heading, null, false, null, null, null, 3, List.of());
        }
        String since = words.inEffectSince(element.version(), date(element.effectiveFrom().atZone(ZoneOffset.UTC).toLocalDate(), locale));
        if (TextVariant.EASY_READ.value().equals(element.variant())) {
            since = since + " · " + words.easyRead();
        }
        List<DocumentPage.ItemPart> items = element.items().stream()
                .map((Content.Item item) -> new DocumentPage.ItemPart(element.element() + "-" + item.key(), item.title(), item.description(),
                        item.behaviours()))
                .toList();
        boolean underHeading = itemsHeading != null && !items.isEmpty();
        return new DocumentPage.Part(element.element(), heading, element.language().equals(documentLanguage) ? null : element.language(),
                true, since, element.statement(), underHeading ? itemsHeading : null, underHeading ? 4 : 3, items);
    }

    private static DocumentPage.GoalPart goal(DocumentGoal goal, int level, DocumentMessages words, Locale locale) {
        String serves = goal.serves().stream().map(element -> elementName(element, words)).collect(Collectors.joining(", "));
        List<DocumentPage.IndicatorPart> indicators = goal.indicators().stream()
                .map(indicator -> indicator(indicator, words, locale)).toList();
        return new DocumentPage.GoalPart(goal.id(), level, goal.kind() == GoalKind.STRATEGIC ? words.strategicGoal() : words.operationalGoal(),
                goal.title(), goal.description(), serves.isEmpty() ? null : serves,
                goal.targetDate() == null ? null : date(goal.targetDate(), locale), goal.owner(),
                goal.progress().toPlainString(), words.percent(number(goal.progress(), locale)), indicators);
    }

    private static DocumentPage.IndicatorPart indicator(DocumentIndicator indicator, DocumentMessages words, Locale locale) {
        String latest = indicator.latestValue() == null ? words.notMeasured()
                : words.measuredOn(quantity(indicator.latestValue(), indicator.unit(), locale), date(indicator.latestMeasuredAt(), locale));
        return new DocumentPage.IndicatorPart(indicator.name(), quantity(indicator.baseline(), indicator.unit(), locale),
                quantity(indicator.target(), indicator.unit(), locale), latest,
                indicator.progress().toPlainString(), words.percent(number(indicator.progress(), locale)));
    }

    private static String elementName(String element, DocumentMessages words) {
        return ElementType.fromPath(element).map(type -> switch (type) {
            case MISSION -> words.mission();
            case VISION -> words.vision();
            case VALUES -> words.values();
            case STRATEGY -> words.strategy();
        }).orElse(element);
    }

    private DocumentMessages words(String language) {
        return switch (language) {
            case "nl" -> dutch;
            case "fr" -> french;
            case "de" -> german;
            default -> english;
        };
    }

    /** Numbers and dates as the document's language writes them; British English ("2 March 2026") for English and any other. */
    private static Locale locale(String language) {
        return switch (language) {
            case "nl", "fr", "de" -> Locale.forLanguageTag(language);
            default -> Locale.UK;
        };
    }

    private static String date(LocalDate date, Locale locale) {
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    /** {@code 55.5} with unit {@code %} → "55,5 %" in Dutch: the number as the language writes it, then the unit as stored. */
    private static String quantity(BigDecimal value, String unit, Locale locale) {
        return unit == null || unit.isBlank() ? number(value, locale) : number(value, locale) + "\u00a0" + unit;
    }

    private static String number(BigDecimal value, Locale locale) {
        NumberFormat format = NumberFormat.getNumberInstance(locale);
        format.setMinimumFractionDigits(0);
        format.setMaximumFractionDigits(6);
        return format.format(value);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
