package org.waarom.api.page.rest;

import io.quarkus.qute.CheckedTemplate;
import io.quarkus.qute.TemplateInstance;
import io.quarkus.qute.i18n.Localized;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.waarom.api.consultation.Stance;
import org.waarom.api.consultation.rest.ConsultationView;
import org.waarom.api.element.ConsultationStatus;
import org.waarom.api.element.Content;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.VersionStatus;
import org.waarom.api.element.rest.VersionView;
import org.waarom.api.element.service.VersionDiff;
import org.waarom.api.goal.rest.IndicatorView;
import org.waarom.api.page.service.ReviewPageService.ReviewPageData;
import org.waarom.api.reference.rest.ReferenceView;
import org.waarom.api.review.rest.ReviewTaskView;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.time.format.FormatStyle;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Function;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * Writes the review page and the quality manager's overview (docs/review-page.md) from the templates under
 * {@code templates/ReviewPageRenderer/}, in the frame of every page ({@code PageRenderer/layout}: CSP by digest, no script,
 * print style). The words are {@link ReviewPageMessages}'; the organisation's texts are as the API serves them.
 */
@ApplicationScoped
public class ReviewPageRenderer {

    /** Notes are at most this long, as in the API (CompleteReviewTaskRequest). */
    static final int MAX_NOTE = 2000;

    @CheckedTemplate
    static class Templates {
        static native TemplateInstance review(ReviewPageModel page);

        static native TemplateInstance overview(OverviewPageModel page);
    }

    @Inject
    ReviewPageMessages english;

    @Inject
    @Localized("nl")
    ReviewPageMessages dutch;

    @Inject
    @Localized("fr")
    ReviewPageMessages french;

    @Inject
    @Localized("de")
    ReviewPageMessages german;

    private final PageRenderer frames;

    ReviewPageRenderer(PageRenderer frames) {
        this.frames = frames;
    }

    ReviewPageMessages words(String language) {
        return switch (language) {
            case "nl" -> dutch;
            case "fr" -> french;
            case "de" -> german;
            default -> english;
        };
    }

    /** How the page links: its own addresses, other languages, other reviews (null where the link does not open them). */
    interface Links {
        String self(String suffix, String query);

        String language(String code);

        String review(long taskId);

        String overview();
    }

    /** A refused form: which one, what was typed, and the note's error (null when the refusal was no fault of the form). */
    record Submitted(String form, String note, String noteError) {
    }

    String review(ReviewPageData data, String language, Links links, boolean canAct, String notice, String problem, Submitted submitted,
                  int referencePage, LocalDate today) {
        ReviewPageMessages words = words(language);
        Locale locale = PageRenderer.locale(language);
        ReviewTaskView task = data.task();
        String element = elementName(task.element(), words);
        PageFrame frame = new PageFrame(language, data.organizationName(), words.reviewTitle(element), frames.words(language),
                Stream.of("nl", "fr", "de", "en").map(code -> new PageFrame.LanguageLink(code, languageName(code), links.language(code),
                        code.equals(language))).toList(), words.footer(data.organizationName()));

        List<String> why = new ArrayList<>();
        why.add(reason(task, data, words, locale));
        // What the task was made with (who asked, and why): an open task's note is the one given when it was made.
        if (task.note() != null && !task.note().isBlank()) {
            why.add(words.requestNote(task.note()));
        }
        why.add(words.dueOn(date(task.dueDate(), locale)));
        long overdue = ChronoUnit.DAYS.between(task.dueDate(), today);
        if (overdue > 0) {
            why.add(words.overdueBy(overdue));
        }

        ReviewPageModel.Goal goal = null;
        if (data.goal() != null) {
            List<ReviewPageModel.Indicator> indicators = new ArrayList<>();
            Stream.concat(Stream.of(data.goal()), data.operationalGoals().stream()).flatMap(found -> found.indicators().stream())
                    .forEach(indicator -> indicators.add(indicator(indicator, words, locale)));
            goal = new ReviewPageModel.Goal(data.goal().title(), indicators);
        }

        ReviewPageModel.Vision vision = null;
        if (data.vision() != null) {
            VersionView shown = data.vision();
            VersionDiff diff = data.visionDiff();
            List<ConsultationPageModel.Diffed> statement = diff != null && diff.statement() != null
                    ? diff.statement().ops().stream().map(op -> new ConsultationPageModel.Diffed(op.op(), op.text())).toList()
                    : List.of(new ConsultationPageModel.Diffed("equal", text(shown.content().statement())));
            List<String> itemChanges = new ArrayList<>();
            if (diff != null) {
                addTitles(itemChanges, diff.items().added().stream().map(VersionDiff.ItemRef::title).toList(), words::addedItems);
                addTitles(itemChanges, diff.items().removed().stream().map(VersionDiff.ItemRef::title).toList(), words::removedItems);
                addTitles(itemChanges, diff.items().changed().stream().map(VersionDiff.ItemChange::key).toList(), words::changedItems);
            }
            vision = new ReviewPageModel.Vision(words.newVision() + " — " + shown.version(), diff == null ? null : words.visionChanges(diff.from()),
                    statement, itemChanges, items(shown.content()), shown.language().equals(language) ? null : shown.language());
        }

        ReviewPageModel.Current current = null;
        if (data.inEffect() != null) {
            VersionView inEffect = data.inEffect();
            current = new ReviewPageModel.Current(words.inEffectSince(inEffect.version(), PageRenderer.dateTime(inEffect.effectiveFrom(), locale)),
                    inEffect.content().statement(), items(inEffect.content()), inEffect.language().equals(language) ? null : inEffect.language());
        }

        var cited = data.references();
        String summary = cited.total() == 0 ? words.noReferences()
                : data.inEffect() == null ? words.referencesCount(cited.total(), "—")
                : words.referencesCount(cited.total(), PageRenderer.dateTime(data.inEffect().effectiveFrom(), locale));
        long pages = (cited.total() + cited.size() - 1) / Math.max(1, cited.size());
        ReviewPageModel.References references = new ReviewPageModel.References(summary,
                cited.items().stream().map(reference -> reference(reference, words, locale)).toList(),
                referencePage > 0 ? links.self("", "references=" + (referencePage - 1)) + "#references-title" : null,
                referencePage + 1 < pages ? links.self("", "references=" + (referencePage + 1)) + "#references-title" : null);

        String coverage = data.coverage() == null ? null : words.coverage(data.coverage().total(),
                data.coverage().countedVersions().stream().map(String::valueOf).collect(Collectors.joining(", ")));
        String consultation = consultation(data.consultation(), words, locale);
        String draft = data.draft() == null ? null : words.draftUnderWay(data.draft().version(),
                data.draft().status() == VersionStatus.IN_CONSULTATION ? words.inConsultationStatus() : words.draftStatus(),
                data.draft().createdBy(), PageRenderer.dateTime(data.draft().createdAt(), locale), data.organizationName());

        List<ReviewPageModel.Row> others = data.otherOpen().stream().map(other -> row(other, words, locale, today, links)).toList();

        ReviewPageModel.Decision decision = null;
        if (canAct) {
            boolean refused = submitted != null;
            decision = new ReviewPageModel.Decision(links.self("/confirmation", null), links.self("/revision", null),
                    data.draft() == null && data.inEffect() != null, refused ? submitted.note() : "", refused ? submitted.noteError() : null,
                    refused ? submitted.form() : null, words.noteHint(MAX_NOTE));
        }
        return Templates.review(new ReviewPageModel(frame, words, notice, problem, why, goal, vision, current, references, coverage,
                consultation, draft, others, decision, links.overview())).render();
    }

    String overview(String organizationName, List<ReviewTaskView> open, String language, Function<String, String> languageLink,
                    Function<Long, String> reviewHref, LocalDate today) {
        ReviewPageMessages words = words(language);
        Locale locale = PageRenderer.locale(language);
        PageFrame frame = new PageFrame(language, organizationName, words.overviewTitle(), frames.words(language),
                Stream.of("nl", "fr", "de", "en").map(code -> new PageFrame.LanguageLink(code, languageName(code), languageLink.apply(code),
                        code.equals(language))).toList(), words.footer(organizationName));
        Links links = new Links() {
            public String self(String suffix, String query) {
                return null;
            }

            public String language(String code) {
                return languageLink.apply(code);
            }

            public String review(long taskId) {
                return reviewHref.apply(taskId);
            }

            public String overview() {
                return null;
            }
        };
        return Templates.overview(new OverviewPageModel(frame, words, words.overviewIntro(organizationName),
                open.stream().map(task -> row(task, words, locale, today, links)).toList())).render();
    }

    private static ReviewPageModel.Row row(ReviewTaskView task, ReviewPageMessages words, Locale locale, LocalDate today, Links links) {
        long overdue = ChronoUnit.DAYS.between(task.dueDate(), today);
        String element = elementName(task.element(), words);
        String href = links.review(task.id());
        return new ReviewPageModel.Row(element, shortReason(task, words), date(task.dueDate(), locale),
                overdue > 0 ? words.daysOverdue(overdue) : words.notOverdue(), overdue > 0, href,
                href == null ? words.linkInReminder() : words.openReview(element));
    }

    private static String reason(ReviewTaskView task, ReviewPageData data, ReviewPageMessages words, Locale locale) {
        return switch (task.reason()) {
            case CYCLE -> data.cycle() == null ? words.reasonCycleUnknown() : words.reasonCycle(data.cycle());
            case GOAL_REACHED -> data.goal() == null ? words.reasonGoalUnnamed()
                    : words.reasonGoal(data.goal().title(), data.goal().reachedAt() == null ? "—" : PageRenderer.dateTime(data.goal().reachedAt(), locale));
            case VISION_CHANGED -> words.reasonVision(task.version() == null ? 0 : task.version());
            case MANUAL -> words.reasonManual();
        };
    }

    private static String shortReason(ReviewTaskView task, ReviewPageMessages words) {
        return switch (task.reason()) {
            case CYCLE -> words.reasonCycleUnknown();
            case GOAL_REACHED -> task.goalTitle() == null ? words.reasonGoalUnnamed() : task.goalTitle();
            case VISION_CHANGED -> words.reasonVision(task.version() == null ? 0 : task.version());
            case MANUAL -> words.reasonManual();
        };
    }

    private static ReviewPageModel.Indicator indicator(IndicatorView indicator, ReviewPageMessages words, Locale locale) {
        String unit = indicator.unit() == null ? "" : " " + indicator.unit();
        String value = indicator.latestValue() == null ? words.notMeasured(number(indicator.target()) + unit)
                : words.indicatorLine(number(indicator.latestValue()) + unit, date(indicator.latestMeasuredAt(), locale),
                number(indicator.target()) + unit, number(indicator.baseline()) + unit);
        return new ReviewPageModel.Indicator(indicator.name(), value, indicator.targetMet() ? words.targetMet() : words.targetNotMet(),
                indicator.targetMet());
    }

    private static ReviewPageModel.Reference reference(ReferenceView reference, ReviewPageMessages words, Locale locale) {
        String kind = switch (reference.kind()) {
            case CASE_DISCUSSION -> words.caseDiscussion();
            case COMPLAINT -> words.complaint();
            case POLICY_DECISION -> words.policyDecision();
            case TEAM_MEETING -> words.teamMeeting();
        };
        return new ReviewPageModel.Reference(kind, reference.title(), date(reference.date(), locale), reference.rationale());
    }

    private static String consultation(ConsultationView round, ReviewPageMessages words, Locale locale) {
        if (round == null) {
            return words.noConsultation();
        }
        var summary = round.summary();
        if (round.status() == ConsultationStatus.OPEN) {
            return words.consultationOpen(round.version(), PageRenderer.dateTime(round.deadline(), locale), summary.total());
        }
        return words.consultationSummary(round.version(), PageRenderer.dateTime(round.closedAt() != null ? round.closedAt() : round.deadline(), locale),
                summary.total(), summary.byStance().getOrDefault(Stance.SUPPORT, 0L), summary.byStance().getOrDefault(Stance.CONCERN, 0L),
                summary.byStance().getOrDefault(Stance.SUGGESTION, 0L));
    }

    private static List<ReviewPageModel.Item> items(Content content) {
        return content.items().stream().map(item -> new ReviewPageModel.Item(item.title(), item.description(), item.behaviours())).toList();
    }

    private static void addTitles(List<String> lines, List<String> titles, Function<String, String> sentence) {
        if (!titles.isEmpty()) {
            lines.add(sentence.apply(String.join(", ", titles)));
        }
    }

    static String elementName(String element, ReviewPageMessages words) {
        return ElementType.fromPath(element).map(type -> switch (type) {
            case MISSION -> words.mission();
            case VISION -> words.vision();
            case VALUES -> words.values();
            case STRATEGY -> words.strategy();
        }).orElse(element);
    }

    private static String languageName(String code) {
        return switch (code) {
            case "nl" -> "Nederlands";
            case "fr" -> "Français";
            case "de" -> "Deutsch";
            default -> "English";
        };
    }

    static String date(LocalDate date, Locale locale) {
        return date == null ? "—" : DateTimeFormatter.ofLocalizedDate(FormatStyle.LONG).withLocale(locale).format(date);
    }

    private static String number(BigDecimal value) {
        return value == null ? "—" : value.stripTrailingZeros().toPlainString();
    }

    private static String text(String value) {
        return value == null ? "" : value;
    }
}
