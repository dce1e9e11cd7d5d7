package org.waarom.api.page.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.waarom.api.acknowledgement.service.AcknowledgementLinkService;
import org.waarom.api.common.http.LanguageNegotiation;
import org.waarom.api.consultation.Stance;
import org.waarom.api.consultation.rest.FeedbackView;
import org.waarom.api.consultation.rest.ParticipationView;
import org.waarom.api.element.ConsultationStatus;
import org.waarom.api.element.Content;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.rest.VersionView;
import org.waarom.api.element.service.DiffService;
import org.waarom.api.element.service.VersionDiff;
import org.waarom.api.page.service.ConsultationPageService.ConsultationPageData;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Writes the pages for people without an account from the Qute templates under {@code templates/PageRenderer/}. Every
 * value is escaped (Qute's default for {@code .html}; nothing is output raw). The words around the organisation's texts
 * are in Dutch, French, German or English ({@link PageMessages}); the texts themselves in the language the API would
 * serve, marked with their own {@code lang} when that differs.
 */
@ApplicationScoped
public class PageRenderer {

    /** The languages the page words exist in; any other request gets English words. */
    static final List<String> PAGE_LANGUAGES = List.of("nl", "fr", "de", "en");
    /** Feedback texts are at most this long, as in the API (FeedbackRequest). */
    static final int MAX_TEXT = 4000;
    /**
     * Deadlines are shown in Central European time: the organisations Waarom serves are in Flanders and the Netherlands
     * (an organisation has no time zone of its own yet).
     */
    static final ZoneId TIME_ZONE = ZoneId.of("Europe/Brussels");
    private static final Pattern STYLE = Pattern.compile("<style>(.*?)</style>", Pattern.DOTALL);
    private static final Map<String, String> LANGUAGE_NAMES = Map.of("nl", "Nederlands", "fr", "Français", "de", "Deutsch", "en", "English");

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance consultation(ConsultationPageModel page);

        static native TemplateInstance refusal(RefusalPageModel page);

        static native TemplateInstance acknowledgement(AcknowledgementPageModel page);
    }

    @Inject
    PageMessages english;

    @Inject
    @Localized("nl")
    PageMessages dutch;

    @Inject
    @Localized("fr")
    PageMessages french;

    @Inject
    @Localized("de")
    PageMessages german;

    private final DiffService diffs;

    PageRenderer(DiffService diffs) {
        this.diffs = diffs;
    }

    /**
     * What was sent with the last form, when it was refused: which form ({@code new-<part>} or {@code fb-<id>}), what
     * was typed, and the errors of its fields (null where none).
     */
    public record Submitted(String form, String stance, String text, String stanceError, String textError) {
    }

    /** The words' language for a request: as asked, else the content's, else English. */
    static String pageLanguage(LanguageNegotiation negotiation, String contentLanguage) {
        String fallback = contentLanguage != null && PAGE_LANGUAGES.contains(contentLanguage) ? contentLanguage : "en";
        return negotiation.select(PAGE_LANGUAGES, fallback);
    }

    PageMessages words(String language) {
        return switch (language) {
            case "nl" -> dutch;
            case "fr" -> french;
            case "de" -> german;
            default -> english;
        };
    }

    /**
     * The consultation page.
     *
     * @param links    the page's own addresses: {@code links.apply("")} is the page, {@code "/feedback"} its form actions
     * @param language the page's words
     * @param notice   a status message, or null
     * @param problem  what went wrong with the last form, or null
     */
    String consultation(ConsultationPageData data, String language, Function<String, String> links, Function<String, String> languageLink,
                        String notice, String problem, Submitted submitted) {
        PageMessages words = words(language);
        Locale locale = locale(language);
        ParticipationView round = data.round();
        VersionView draft = data.draft();
        // The participation read closes a round whose deadline passed, so its status is as of now.
        boolean open = round.status() == ConsultationStatus.OPEN;
        String deadline = dateTime(round.deadline(), locale);
        List<PageFrame.LanguageLink> languages = data.languages().size() < 2 ? List.of() : data.languages().stream()
                .map(code -> new PageFrame.LanguageLink(code, LANGUAGE_NAMES.getOrDefault(code, code), languageLink.apply(code),
                        code.equals(draft.language())))
                .toList();
        PageFrame frame = new PageFrame(language, round.organization(), words.consultationTitle(), words, languages,
                words.footer(round.organization()));

        Optional<Content> before = data.adopted().map(VersionView::content);
        Content now = draft.content();
        Optional<Content> easy = data.easyRead();
        Map<String, Content.Item> easyItems = easyItems(easy);
        Map<String, Content.Item> oldItems = before.map(content -> content.items().stream()
                .collect(Collectors.toMap(Content.Item::key, item -> item))).orElse(Map.of());
        List<ConsultationPageModel.Part> parts = new ArrayList<>();
        if (now.statement() != null && !now.statement().isBlank()) {
            List<ConsultationPageModel.Diffed> text = before.isPresent()
                    ? ops(before.get().statement(), now.statement()) : List.of(equal(now.statement()));
            boolean changed = before.isPresent() && !Objects.equals(before.get().statement(), now.statement());
            EasyText easyStatement = easy.map(content -> new EasyText(null, content.statement(), List.of())).orElse(null);
            parts.add(part("statement", words.statement(), false, changed, List.of(), text, List.of(), easyStatement, round, open, links, words,
                    locale, submitted, null));
        }
        for (Content.Item item : now.items()) {
            Content.Item old = oldItems.get(item.key());
            boolean isNew = before.isPresent() && old == null;
            List<ConsultationPageModel.Diffed> title = old == null ? List.of(equal(item.title())) : ops(old.title(), item.title());
            List<ConsultationPageModel.Diffed> text = item.description() == null || item.description().isBlank() ? List.of()
                    : old == null ? List.of(equal(item.description())) : ops(old.description(), item.description());
            boolean changed = old != null && !(Objects.equals(old.title(), item.title()) && Objects.equals(old.description(), item.description())
                    && old.behaviours().equals(item.behaviours()));
            EasyText easyItem = easyText(easyItems.get(item.key()));
            parts.add(part(item.key(), easyItem == null ? item.title() : easyItem.title(), isNew, changed, title, text, item.behaviours(), easyItem,
                    round, open, links, words, locale, submitted, item.key()));
        }
        List<String> removed = before.map(content -> content.items().stream()
                .filter(item -> now.items().stream().noneMatch(kept -> kept.key().equals(item.key())))
                .map(Content.Item::title).toList()).orElse(List.of());
        String heading = elementName(round.element(), words) + " — " + words.draftVersion(round.version());
        return Templates.consultation(new ConsultationPageModel(frame, round.question(),
                open ? words.openUntil(deadline) : words.closedNotice(deadline), open, notice, problem, heading,
                draft.language().equals(language) ? null : draft.language(), easy.isPresent(),
                data.adopted().map(adopted -> words.changesNote(adopted.version())).orElse(null), parts, removed)).render();
    }

    private ConsultationPageModel.Part part(String key, String label, boolean isNew, boolean changed, List<ConsultationPageModel.Diffed> title,
                                            List<ConsultationPageModel.Diffed> text, List<String> behaviours, EasyText easy, ParticipationView round,
                                            boolean open,
                                            Function<String, String> links, PageMessages words, Locale locale, Submitted submitted, String item) {
        String legend = words.feedbackOn(label);
        List<ConsultationPageModel.Own> own = new ArrayList<>();
        for (FeedbackView feedback : round.feedback()) {
            if (!Objects.equals(feedback.anchor().item(), item)) {
                continue;
            }
            String formId = "fb-" + feedback.id();
            ConsultationPageModel.FeedbackForm form = null;
            if (open) {
                boolean refused = submitted != null && submitted.form().equals(formId);
                form = new ConsultationPageModel.FeedbackForm(formId, words.change(), links.apply("/feedback/" + feedback.id()), anchor(item),
                        refused ? submitted.stance() : feedback.stance().name(), refused ? submitted.text() : feedback.text(),
                        refused ? submitted.stanceError() : null, refused ? submitted.textError() : null, words.save(), words.textHint(MAX_TEXT));
            }
            own.add(new ConsultationPageModel.Own(feedback.id(), stanceName(feedback.stance(), words), feedback.text(),
                    words.lastChanged(dateTime(feedback.updatedAt(), locale)), form,
                    open ? links.apply("/feedback/" + feedback.id() + "/withdrawal") : null));
        }
        ConsultationPageModel.FeedbackForm newForm = null;
        String formId = "new-" + key;
        boolean refused = submitted != null && submitted.form().equals(formId);
        if (open && (own.isEmpty() || refused)) {
            newForm = new ConsultationPageModel.FeedbackForm(formId, legend, links.apply("/feedback"), anchor(item),
                    refused ? submitted.stance() : null, refused ? submitted.text() : "",
                    refused ? submitted.stanceError() : null, refused ? submitted.textError() : null, words.send(), words.textHint(MAX_TEXT));
        }
        return new ConsultationPageModel.Part("part-" + key, label, isNew, changed, title, text, behaviours, easy, own, newForm);
    }

    /**
     * The acknowledgement page.
     *
     * @param action   where its button posts
     * @param notice   what the last press did, or null
     */
    String acknowledgement(AcknowledgementLinkService.LinkPage data, String language, String action, Function<String, String> languageLink,
                           String notice) {
        PageMessages words = words(language);
        Locale locale = locale(language);
        VersionView text = data.text();
        List<PageFrame.LanguageLink> languages = text == null || data.languages().size() < 2 ? List.of() : data.languages().stream()
                .map(code -> new PageFrame.LanguageLink(code, LANGUAGE_NAMES.getOrDefault(code, code), languageLink.apply(code),
                        code.equals(text.language())))
                .toList();
        PageFrame frame = new PageFrame(language, data.organization(), words.acknowledgementTitle(), words, languages,
                words.footer(data.organization()));
        if (text == null) {
            return Templates.acknowledgement(new AcknowledgementPageModel(frame, null, null, null, null, null, false, List.of(), null,
                    words.replacedText(data.organization()), null, null)).render();
        }
        Content content = text.content();
        Map<String, Content.Item> easyItems = easyItems(data.easyRead());
        List<AcknowledgementPageModel.Item> items = content.items().stream()
                .map(item -> new AcknowledgementPageModel.Item(item.key(), item.title(), item.description(), item.behaviours(),
                        easyText(easyItems.get(item.key()))))
                .toList();
        String acknowledged = notice == null ? data.acknowledged().map(found -> words.acknowledgedAlready(dateTime(found.acknowledgedAt(), locale)))
                .orElse(null) : null;
        String heading = elementName(text.element(), words) + " — " + words.adoptedVersion(text.version());
        return Templates.acknowledgement(new AcknowledgementPageModel(frame, words.acknowledgementIntro(data.name(), data.organization()), heading,
                text.language().equals(language) ? null : text.language(), content.statement(),
                data.easyRead().map(Content::statement).orElse(null), data.easyRead().isPresent(), items, notice, null, acknowledged, action))
                .render();
    }

    /** A refusal page: no organisation, no detail beyond what the person can do. */
    public String refusal(String language, String title, String text) {
        PageMessages words = words(language);
        return Templates.refusal(new RefusalPageModel(new PageFrame(language, null, title, words, List.of(), null), text)).render();
    }

    /**
     * The Content-Security-Policy of a page written here: nothing may load or run, only the page's own style sheet applies
     * (by digest), and forms post to this origin only.
     */
    static String contentSecurityPolicy(String html) {
        List<String> digests = new ArrayList<>();
        Matcher style = STYLE.matcher(html);
        while (style.find()) {
            digests.add("'sha256-" + sha256(style.group(1)) + "'");
        }
        return "default-src 'none'; style-src " + (digests.isEmpty() ? "'none'" : String.join(" ", digests))
                + "; img-src 'self'; base-uri 'none'; form-action 'self'; frame-ancestors 'none'";
    }

    /** The items of an easy-read text by key: it has exactly the version's keys, so each part finds its own. */
    private static Map<String, Content.Item> easyItems(Optional<Content> easyRead) {
        return easyRead.map(content -> content.items().stream().collect(Collectors.toMap(Content.Item::key, item -> item)))
                .orElse(Map.of());
    }

    private static EasyText easyText(Content.Item item) {
        return item == null ? null : new EasyText(item.title(), item.description(), item.behaviours());
    }

    static String anchor(String item) {
        return item == null ? "statement" : "item:" + item;
    }

    static String stanceName(Stance stance, PageMessages words) {
        return switch (stance) {
            case SUPPORT -> words.support();
            case CONCERN -> words.concern();
            case SUGGESTION -> words.suggestion();
        };
    }

    private List<ConsultationPageModel.Diffed> ops(String from, String to) {
        VersionDiff.StatementDiff diff = diffs.diffStatement(from, to);
        return diff.ops().stream().map(op -> new ConsultationPageModel.Diffed(op.op(), op.text())).toList();
    }

    private static ConsultationPageModel.Diffed equal(String text) {
        return new ConsultationPageModel.Diffed("equal", text == null ? "" : text);
    }

    private static String elementName(String element, PageMessages words) {
        return ElementType.fromPath(element).map(type -> switch (type) {
            case MISSION -> words.mission();
            case VISION -> words.vision();
            case VALUES -> words.values();
            case STRATEGY -> words.strategy();
        }).orElse(element);
    }

    static Locale locale(String language) {
        return switch (language) {
            case "nl", "fr", "de" -> Locale.forLanguageTag(language);
            default -> Locale.UK;
        };
    }

    static String dateTime(Instant instant, Locale locale) {
        var at = instant.atZone(TIME_ZONE);
        return DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(at) + ", "
                + DateTimeFormatter.ofPattern("HH:mm", locale).format(at);
    }

    private static String sha256(String text) {
        try {
            return Base64.getEncoder().encodeToString(MessageDigest.getInstance("SHA-256").digest(text.getBytes(StandardCharsets.UTF_8)));
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("SHA-256 is missing from this Java runtime", e);
        }
    }
}
