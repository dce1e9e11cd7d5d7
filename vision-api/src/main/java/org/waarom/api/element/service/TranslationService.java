package org.waarom.api.element.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.common.cache.Representation;
import org.waarom.api.common.cache.Tagged;
import org.waarom.api.common.http.LanguageNegotiation;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.common.problem.PreconditionFailedException;
import org.waarom.api.element.Content;
import org.waarom.api.element.Element;
import org.waarom.api.element.ElementTranslation;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.TextVariant;
import org.waarom.api.element.TranslationStatus;
import org.waarom.api.element.VersionStatus;
import org.waarom.api.element.rest.ConsultationLink;
import org.waarom.api.element.rest.TranslationList;
import org.waarom.api.element.rest.TranslationRequest;
import org.waarom.api.element.rest.TranslationView;
import org.waarom.api.element.rest.VersionView;
import org.waarom.api.event.EventType;
import org.waarom.api.event.service.EventService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.CurrentActor;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Stream;

/**
 * Translations and easy-read texts of versions (docs/api-guide.md#translations-and-languages,
 * docs/api-guide.md#easy-read-texts), and the language and variant a read serves. A version's content is in the
 * organisation's default language; a translation attaches to one version in one of the organisation's other
 * languages, an easy-read text in any of its languages; either as a DRAFT or APPROVED, with exactly the version's
 * item keys. Both are one kind of text ({@link ElementTranslation}, told apart by its {@link TextVariant}), written,
 * read, listed and deleted by the same methods under the same rules. They are allowed on every version but a
 * withdrawn one, adopted versions included: they never change the version itself. Writes lock the element's row
 * first, as version changes do, so that a text is never checked against item keys an edit is changing at that
 * moment.
 */
@ApplicationScoped
public class TranslationService {

    private final OrganizationService organizations;
    private final VersionMapper mapper;
    private final CurrentActor actor;
    private final EventService events;
    private final VersionRounds rounds;
    private final Clock clock;

    TranslationService(OrganizationService organizations, VersionMapper mapper, CurrentActor actor, EventService events, VersionRounds rounds,
                       Clock clock) {
        this.organizations = organizations;
        this.mapper = mapper;
        this.actor = actor;
        this.events = events;
        this.rounds = rounds;
        this.clock = clock;
    }

    /** A translation or easy-read text as written, and whether this request created it (201) or replaced it (200). */
    public record Written(Tagged<TranslationView> translation, boolean created) {
    }

    /**
     * Creates or replaces the {@code variant} text of version {@code number} in {@code language}. Replacing needs
     * {@code If-Match} with the text's ETag (428 without, 412 when stale); creating takes none.
     */
    @Transactional
    public Written write(String org, ElementType type, int number, TextVariant variant, String language, String ifMatch,
                         TranslationRequest request) {
        Organization organization = organizations.require(org);
        Element element = Element.locked(organization, type);
        ElementVersion version = VersionService.version(element, number);
        requireLanguage(organization, variant, language);
        requireNotWithdrawn(version, variant, variant == TextVariant.STANDARD ? "translated" : "written");
        Optional<ElementTranslation> existing = find(version, variant, language);
        if (existing.isPresent()) {
            EntityTags.requireMatch(ifMatch, VersionMapper.etag(existing.get()));
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            throw new PreconditionFailedException("Version " + number + " of the " + type.path() + " has no " + name(variant, language)
                    + " (any more); send no If-Match to create it");
        }
        Content source = version.content;
        validate(type, variant, source, request.content());
        Instant now = Instant.now(clock);
        ElementTranslation translation = existing.orElseGet(() -> {
            ElementTranslation created = new ElementTranslation();
            created.version = version;
            created.variant = variant;
            created.language = language;
            created.createdBy = actor.name();
            created.createdAt = now;
            return created;
        });
        translation.status = request.status();
        translation.content = request.content();
        translation.updatedBy = actor.name();
        translation.updatedAt = now;
        if (existing.isEmpty()) {
            translation.persist();
        }
        version.translationsChangedAt = now;
        ElementTranslation.flush();
        recordEvent(version, variant, language, translation.status.name());
        return new Written(new Tagged<>(mapper.view(translation, source), VersionMapper.etag(translation)), existing.isEmpty());
    }

    @Transactional
    public Tagged<TranslationView> get(String org, ElementType type, int number, TextVariant variant, String language) {
        ElementVersion version = version(org, type, number);
        ElementTranslation translation = require(version, variant, language);
        return new Tagged<>(mapper.view(translation, version.content), VersionMapper.etag(translation));
    }

    /**
     * The version's {@code variant} texts in the organisation's order of languages, and the languages that have none (for
     * translations: its languages but the default, whose text is the version's own; for easy-read texts: all of them).
     */
    @Transactional
    public TranslationList list(String org, ElementType type, int number, TextVariant variant) {
        ElementVersion version = version(org, type, number);
        Organization organization = version.element.organization;
        List<String> languages = organization.languages();
        Content source = version.content;
        List<TranslationList.Summary> items = ElementTranslation.<ElementTranslation>list("version = ?1 and variant = ?2", version, variant).stream()
                .sorted(Comparator.comparingInt((ElementTranslation translation) -> order(languages, translation.language))
                        .thenComparing(translation -> translation.language))
                .map(translation -> new TranslationList.Summary(translation.language, translation.status, translation.updatedAt,
                        translation.updatedBy, TranslationRules.mismatches(source, translation.content).isEmpty()))
                .toList();
        List<String> translated = items.stream().map(TranslationList.Summary::language).toList();
        List<String> missing = languages.stream()
                .filter(language -> (variant == TextVariant.EASY_READ || !language.equals(organization.defaultLanguage))
                        && !translated.contains(language))
                .toList();
        return new TranslationList(type.path(), number, variant.value(), organization.defaultLanguage, items, missing);
    }

    /** Deletes a translation or easy-read text; needs {@code If-Match} with its ETag. */
    @Transactional
    public void delete(String org, ElementType type, int number, TextVariant variant, String language, String ifMatch) {
        Element element = Element.locked(organizations.require(org), type);
        ElementVersion version = VersionService.version(element, number);
        ElementTranslation translation = require(version, variant, language);
        EntityTags.requireMatch(ifMatch, VersionMapper.etag(translation));
        requireNotWithdrawn(version, variant, "changed");
        translation.delete();
        version.translationsChangedAt = Instant.now(clock);
        ElementTranslation.flush();
        recordEvent(version, variant, language, "MISSING");
    }

    /** {@link #localize(ElementVersion, LanguageNegotiation, TextVariant, Instant)} of the standard text. */
    public Representation<VersionView> localize(ElementVersion version, LanguageNegotiation negotiation, Instant now) {
        return localize(version, negotiation, TextVariant.STANDARD, now);
    }

    /**
     * The version as a read serves it. The language first: the best one {@code negotiation} accepts among the default
     * language, those of the approved, complete translations and, when {@code variant} asks for the easy-read text, those
     * of the approved, complete easy-read texts; else the default language. Then the text in that language: its easy-read
     * text when asked for and there is one, else its standard text (the version's own, or the translation). So an
     * easy-read text is never served in another language than the one a reader would get anyway, and a reader who asked
     * for one and gets the standard text is told so by {@code variant} (never an error: there may simply be none yet).
     *
     * <p>The tag of the default-language standard representation is the version's own (so it serves as
     * {@code If-Match}); a translated or easy-read one has a variant of it that names that text's id and revision
     * ({@code ~fr-t7.1}, {@code ~nl-e9.2}), so each is distinct and changes with its text. {@code Last-Modified} covers
     * the version, its translations and easy-read texts (also deleted ones), the organisation's languages and, for a
     * version adopted for later, the moment it took effect. Runs in the caller's (read) transaction.
     */
    public Representation<VersionView> localize(ElementVersion version, LanguageNegotiation negotiation, TextVariant variant, Instant now) {
        Organization organization = version.element.organization;
        String defaultLanguage = organization.defaultLanguage;
        Content source = version.content;
        Servable standard = new Servable();
        Servable easyRead = new Servable();
        // Without a language preference and without asking for easy-read, the version's own text is served: no need to look further.
        if (negotiation.expressed() || variant == TextVariant.EASY_READ) {
            servable(version, source, standard, variant == TextVariant.EASY_READ ? easyRead : null);
        }
        List<String> available = organization.languages().stream()
                .filter(language -> language.equals(defaultLanguage) || standard.has(language) || easyRead.has(language)).toList();
        String language = negotiation.select(available, defaultLanguage);
        List<ConsultationLink> links = rounds.of(version, now);
        String versionTag = VersionMapper.etag(version, links);
        Instant lastModified = latest(VersionMapper.updatedAt(version, links), version.translationsChangedAt, organization.updatedAt,
                version.effectiveFrom != null && !version.effectiveFrom.isAfter(now) ? version.effectiveFrom : null);
        if (easyRead.has(language)) {
            ElementTranslation text = easyRead.texts.get(language);
            return new Representation<>(mapper.view(version, TranslationRules.served(source, easyRead.contents.get(language)), language,
                    TextVariant.EASY_READ, links), EntityTags.variant(versionTag, language + "-e" + text.id + "." + text.revision), language,
                    TextVariant.EASY_READ.value(), lastModified);
        }
        if (!standard.has(language)) {
            return new Representation<>(mapper.view(version, source, defaultLanguage, TextVariant.STANDARD, links), versionTag, defaultLanguage,
                    TextVariant.STANDARD.value(), lastModified);
        }
        ElementTranslation translation = standard.texts.get(language);
        return new Representation<>(mapper.view(version, TranslationRules.served(source, standard.contents.get(language)), language,
                TextVariant.STANDARD, links), EntityTags.variant(versionTag, language + "-t" + translation.id + "." + translation.revision), language,
                TextVariant.STANDARD.value(), lastModified);
    }

    /**
     * The languages {@link #localize} can serve the version's standard text in, in the organisation's order: its default
     * language and those of its approved, complete translations. Runs in the caller's (read) transaction.
     */
    public List<String> languages(ElementVersion version) {
        Organization organization = version.element.organization;
        Servable standard = new Servable();
        servable(version, version.content, standard, null);
        return organization.languages().stream()
                .filter(language -> language.equals(organization.defaultLanguage) || standard.has(language)).toList();
    }

    /**
     * The version's easy-read text in exactly {@code language}, as a read would serve it (approved, complete, in the
     * version's order of items); empty when there is none. For pages, which show it before the standard text in the
     * same language. Runs in the caller's (read) transaction.
     */
    public Optional<Content> easyRead(ElementVersion version, String language) {
        Content source = version.content;
        Servable easyRead = new Servable();
        servable(version, source, new Servable(), easyRead);
        return easyRead.has(language) ? Optional.of(TranslationRules.served(source, easyRead.contents.get(language))) : Optional.empty();
    }

    /** Texts a read may serve, by language, with their content. */
    private static final class Servable {
        final Map<String, ElementTranslation> texts = new HashMap<>();
        final Map<String, Content> contents = new HashMap<>();

        boolean has(String language) {
            return texts.containsKey(language);
        }
    }

    /**
     * Fills {@code standard} (and {@code easyRead}, when given) with the version's approved texts that a read may serve:
     * in one of the organisation's languages (translations: other than the default), and complete (the version's item
     * keys, a statement exactly when it has one). One query for both.
     */
    private void servable(ElementVersion version, Content source, Servable standard, Servable easyRead) {
        Organization organization = version.element.organization;
        List<String> languages = organization.languages();
        for (ElementTranslation text : ElementTranslation.<ElementTranslation>list("version = ?1 and status = ?2", version, TranslationStatus.APPROVED)) {
            Servable into = text.variant == TextVariant.EASY_READ ? easyRead : standard;
            if (into == null || !languages.contains(text.language)
                    || (text.variant == TextVariant.STANDARD && text.language.equals(organization.defaultLanguage))) {
                continue;
            }
            Content content = text.content;
            if (TranslationRules.mismatches(source, content).isEmpty()) {
                into.texts.put(text.language, text);
                into.contents.put(text.language, content);
            }
        }
    }

    private ElementVersion version(String org, ElementType type, int number) {
        return VersionService.version(Element.of(organizations.require(org), type), number);
    }

    private static Optional<ElementTranslation> find(ElementVersion version, TextVariant variant, String language) {
        return ElementTranslation.find("version = ?1 and variant = ?2 and language = ?3", version, variant, language).firstResultOptional();
    }

    private static ElementTranslation require(ElementVersion version, TextVariant variant, String language) {
        return find(version, variant, language).orElseThrow(() -> new NotFoundException("Version " + version.number + " of the "
                + version.element.type.path() + " has no " + name(variant, language)));
    }

    /** "'fr' translation", "'nl' easy-read text": what the messages call a text. */
    private static String name(TextVariant variant, String language) {
        return "'" + language + "' " + (variant == TextVariant.STANDARD ? "translation" : "easy-read text");
    }

    /**
     * A translation is in one of the organisation's languages, and not its default: that is the version's own text. An
     * easy-read text is in any of its languages, the default first of all.
     */
    private static void requireLanguage(Organization organization, TextVariant variant, String language) {
        if (variant == TextVariant.EASY_READ) {
            if (!organization.languages().contains(language)) {
                throw new InvalidRequestException("lang", "must be one of the organisation's languages; easy-read texts are in "
                        + String.join(", ", organization.languages()));
            }
            return;
        }
        List<String> others = organization.languages().stream().filter(other -> !other.equals(organization.defaultLanguage)).toList();
        String choices = others.isEmpty()
                ? "the organisation has no other languages yet (add them to its languages)"
                : "translations are in " + String.join(", ", others);
        if (language.equals(organization.defaultLanguage)) {
            throw new InvalidRequestException("lang", "is '" + language + "', the organisation's default language, in which the version itself is "
                    + "written; " + choices);
        }
        if (!others.contains(language)) {
            throw new InvalidRequestException("lang", "must be one of the organisation's languages other than the default; " + choices);
        }
    }

    private static void requireNotWithdrawn(ElementVersion version, TextVariant variant, String what) {
        if (version.status == VersionStatus.WITHDRAWN) {
            throw new ConflictException("Version " + version.number + " of the " + version.element.type.path() + " is WITHDRAWN; its "
                    + (variant == TextVariant.STANDARD ? "translations" : "easy-read texts") + " can no longer be " + what);
        }
    }

    private static void validate(ElementType type, TextVariant variant, Content source, Content text) {
        List<FieldError> errors = new ArrayList<>(ContentValidator.validate(type, text, "content"));
        if (text != null) {
            errors.addAll(TranslationRules.mismatches(source, text));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The " + (variant == TextVariant.STANDARD ? "translation" : "easy-read text")
                    + " does not fit the version's content: it needs the same item keys, and a statement exactly when the version has one", errors);
        }
    }

    private void recordEvent(ElementVersion version, TextVariant variant, String language, String status) {
        events.record(version.element.organization, variant == TextVariant.STANDARD ? EventType.TRANSLATION_CHANGED : EventType.EASY_READ_CHANGED,
                new TranslationChange(version.element.type.path(), version.number, version.status, language, status, actor.name()));
    }

    private static int order(List<String> languages, String language) {
        int index = languages.indexOf(language);
        return index < 0 ? Integer.MAX_VALUE : index;
    }

    private static Instant latest(Instant... instants) {
        return Stream.of(instants).filter(java.util.Objects::nonNull).max(Comparator.naturalOrder()).orElse(null);
    }
}
