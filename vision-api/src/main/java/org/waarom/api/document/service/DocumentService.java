package org.waarom.api.document.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.common.cache.Representation;
import org.waarom.api.common.http.LanguageNegotiation;
import org.waarom.api.document.rest.DocumentView;
import org.waarom.api.document.rest.DocumentView.DocumentElement;
import org.waarom.api.document.rest.DocumentView.DocumentGoal;
import org.waarom.api.document.rest.DocumentView.DocumentIndicator;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.TextVariant;
import org.waarom.api.element.rest.VersionView;
import org.waarom.api.element.service.TranslationService;
import org.waarom.api.element.service.VersionService;
import org.waarom.api.goal.GoalKind;
import org.waarom.api.goal.rest.GoalView;
import org.waarom.api.goal.service.GoalService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;

import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;

/**
 * Assembles the vision document (docs/intranet.md#the-vision-document): the four elements in effect now, each in the
 * document's language where it has an approved translation and else in the default language, and the
 * open goals with their indicators and progress. Asked for as easy-read, each element is its easy-read text where it
 * has an approved one in its language, and its standard text where not (each element says which).
 *
 * <p>{@link #document(Organization, String, TextVariant)} is the unit a read cache can keep: it depends only on the
 * organisation, the language and the variant. Its ETag is a digest of the assembled content (so it changes with any
 * element, translation, easy-read text, goal or measurement that shows, and with nothing else); its change instant is
 * the latest change among everything that could show, including goals that stopped being open.
 */
@ApplicationScoped
public class DocumentService {

    private final OrganizationService organizations;
    private final VersionService versions;
    private final TranslationService translations;
    private final GoalService goals;
    private final ObjectMapper json;
    private final Clock clock;

    DocumentService(OrganizationService organizations, VersionService versions, TranslationService translations, GoalService goals,
                    ObjectMapper json, Clock clock) {
        this.organizations = organizations;
        this.versions = versions;
        this.translations = translations;
        this.goals = goals;
        this.json = json;
        this.clock = clock;
    }

    /**
     * The document of organisation {@code org} in the language {@code negotiation} picks (see {@link #language}), as the
     * {@code variant} text where there is one; 404 for no such organisation.
     */
    @Transactional
    public Representation<DocumentView> document(String org, LanguageNegotiation negotiation, TextVariant variant) {
        Organization organization = organizations.require(org);
        return document(organization, language(organization, negotiation, variant), variant);
    }

    /**
     * The document of {@code org} in the language {@code negotiation} picks, with the instant from which it
     * changes by time alone (the next adopted version taking effect; null when none is scheduled).
     */
    public record Current(Representation<DocumentView> document, Instant validUntil) {
    }

    /** {@link #document(String, LanguageNegotiation, TextVariant)} with the instant it stops being the answer (see {@link Current}); for a read cache. */
    @Transactional
    public Current current(String org, LanguageNegotiation negotiation, TextVariant variant) {
        Organization organization = organizations.require(org);
        Instant now = Instant.now(clock);
        Instant next = ElementVersion.nextEffectiveFrom(organization, now);
        return new Current(document(organization, language(organization, negotiation, variant), variant), next);
    }

    /**
     * The language of the document: the best one {@code negotiation} accepts among the default language and
     * the languages in which at least one current element has an approved translation (or, asked for as easy-read, an
     * approved easy-read text); else the default. A language nothing is translated into yet would give a document that
     * only claims to be in it.
     */
    @Transactional
    public String language(Organization organization, LanguageNegotiation negotiation, TextVariant variant) {
        if (!negotiation.expressed()) {
            return organization.defaultLanguage;
        }
        Set<String> offered = new LinkedHashSet<>();
        offered.add(organization.defaultLanguage);
        for (ElementType type : ElementType.values()) {
            versions.inEffectNow(organization, type).ifPresent(version -> {
                offered.addAll(translations.languages(version));
                if (variant == TextVariant.EASY_READ) {
                    organization.languages().stream().filter(language -> translations.easyRead(version, language).isPresent()).forEach(offered::add);
                }
            });
        }
        List<String> available = organization.languages().stream().filter(offered::contains).toList();
        return negotiation.select(available, organization.defaultLanguage);
    }

    /**
     * The document of {@code organization} in {@code language} (one of its languages) as the {@code variant} text where
     * there is one, with its ETag and change instant. Its {@code variant} is easy-read when at least one element is.
     */
    @Transactional
    public Representation<DocumentView> document(Organization organization, String language, TextVariant variant) {
        Instant now = Instant.now(clock);
        LanguageNegotiation inLanguage = LanguageNegotiation.of(language, null);
        List<Instant> changes = new ArrayList<>();
        changes.add(organization.updatedAt);
        Map<ElementType, DocumentElement> elements = new EnumMap<>(ElementType.class);
        for (ElementType type : ElementType.values()) {
            Optional<ElementVersion> inEffect = versions.inEffectNow(organization, type);
            if (inEffect.isEmpty()) {
                elements.put(type, new DocumentElement(type.path(), false, null, null, null, null, null, List.of()));
                continue;
            }
            Representation<VersionView> served = translations.localize(inEffect.get(), inLanguage, variant, now);
            changes.add(served.lastModified());
            VersionView version = served.value();
            elements.put(type, new DocumentElement(type.path(), true, version.version(), version.effectiveFrom(), served.language(),
                    version.variant(), version.content().statement(), version.content().items()));
        }
        GoalService.ActiveGoals active = goals.active(organization);
        changes.add(active.lastChanged());
        String documentVariant = elements.values().stream().anyMatch(element -> TextVariant.EASY_READ.value().equals(element.variant()))
                ? TextVariant.EASY_READ.value() : TextVariant.STANDARD.value();
        DocumentView document = new DocumentView(organization.slug, organization.name, language, documentVariant,
                elements.get(ElementType.MISSION), elements.get(ElementType.VISION), elements.get(ElementType.VALUES),
                elements.get(ElementType.STRATEGY), tree(active.goals()));
        Instant lastModified = changes.stream().filter(Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
        return new Representation<>(document, EntityTags.strong("document-" + language + "-" + digest(document)), language, documentVariant, lastModified);
    }

    /** Open strategic goals with their open operational goals; an open operational goal without an open parent stands on its own. */
    private static List<DocumentGoal> tree(List<GoalView> open) {
        Set<Long> openStrategic = new LinkedHashSet<>();
        open.stream().filter(goal -> goal.kind() == GoalKind.STRATEGIC).forEach(goal -> openStrategic.add(goal.id()));
        List<DocumentGoal> top = new ArrayList<>();
        for (GoalView goal : open) {
            if (goal.kind() == GoalKind.STRATEGIC) {
                List<DocumentGoal> operational = open.stream().filter(child -> Objects.equals(child.parentId(), goal.id()))
                        .map(child -> goal(child, List.of())).toList();
                top.add(goal(goal, operational));
            } else if (!openStrategic.contains(goal.parentId())) {
                top.add(goal(goal, List.of()));
            }
        }
        return top;
    }

    private static DocumentGoal goal(GoalView goal, List<DocumentGoal> operational) {
        List<DocumentIndicator> indicators = goal.indicators().stream()
                .map(indicator -> new DocumentIndicator(indicator.name(), indicator.unit(), indicator.baseline(), indicator.target(),
                        indicator.direction(), indicator.latestValue(), indicator.latestMeasuredAt(), indicator.progress(), indicator.targetMet()))
                .toList();
        return new DocumentGoal(goal.id(), goal.kind(), goal.parentId(), goal.title(), goal.description(), goal.owner(), goal.targetDate(),
                goal.serves(), goal.progress(), indicators, operational);
    }

    /** 128 bits of SHA-256 over the document's JSON: equal exactly when the content is. */
    private String digest(DocumentView document) {
        try {
            byte[] hash = MessageDigest.getInstance("SHA-256").digest(json.writeValueAsBytes(document));
            return Base64.getUrlEncoder().withoutPadding().encodeToString(hash).substring(0, 22);
        } catch (JsonProcessingException | NoSuchAlgorithmException e) {
            throw new IllegalStateException("The vision document could not be digested", e);
        }
    }
}
