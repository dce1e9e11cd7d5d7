package org.waarom.api.element.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.waarom.api.common.ConflictException;
import org.waarom.api.common.EntityTags;
import org.waarom.api.common.FieldError;
import org.waarom.api.common.InvalidRequestException;
import org.waarom.api.common.LanguageNegotiation;
import org.waarom.api.common.NotFoundException;
import org.waarom.api.common.PreconditionFailedException;
import org.waarom.api.common.Representation;
import org.waarom.api.common.Tagged;
import org.waarom.api.element.Content;
import org.waarom.api.element.Element;
import org.waarom.api.element.ElementTranslation;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
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
 * Translations of versions (docs/api-guide.md#translations-and-languages) and the language a read serves. A
 * version's content is
 * in the organisation's default language; a translation attaches to one version in one of the
 * organisation's other languages, as a DRAFT or APPROVED. Translations are allowed on every version
 * but a withdrawn one, adopted versions included: they never change the version itself. Writes lock
 * the element's row first, as version changes do, so that a translation is never checked against
 * item keys an edit is changing at that moment.
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

    /** A translation as written, and whether this request created it (201) or replaced it (200). */
    public record Written(Tagged<TranslationView> translation, boolean created) {
    }

    /**
     * Creates or replaces the translation of version {@code number} in {@code language}. Replacing needs
     * {@code If-Match} with the translation's ETag (428 without, 412 when stale); creating takes none.
     */
    @Transactional
    public Written write(String org, ElementType type, int number, String language, String ifMatch, TranslationRequest request) {
        Organization organization = organizations.require(org);
        Element element = VersionService.element(organization, type, true);
        ElementVersion version = VersionService.version(element, number);
        requireTranslatable(organization, language);
        requireNotWithdrawn(version, "translated");
        Optional<ElementTranslation> existing = find(version, language);
        if (existing.isPresent()) {
            EntityTags.requireMatch(ifMatch, VersionMapper.etag(existing.get()));
        } else if (ifMatch != null && !ifMatch.isBlank()) {
            throw new PreconditionFailedException("Version " + number + " of the " + type.path() + " has no '" + language
                    + "' translation (any more); send no If-Match to create it");
        }
        Content source = mapper.content(version);
        validate(type, source, request.content());
        Instant now = Instant.now(clock);
        ElementTranslation translation = existing.orElseGet(() -> {
            ElementTranslation created = new ElementTranslation();
            created.version = version;
            created.language = language;
            created.createdBy = actor.name();
            created.createdAt = now;
            return created;
        });
        translation.status = request.status();
        translation.content = mapper.json(request.content());
        translation.updatedBy = actor.name();
        translation.updatedAt = now;
        if (existing.isEmpty()) {
            translation.persist();
        }
        version.translationsChangedAt = now;
        ElementTranslation.flush();
        recordEvent(version, language, translation.status.name());
        return new Written(new Tagged<>(mapper.view(translation, source), VersionMapper.etag(translation)), existing.isEmpty());
    }

    @Transactional
    public Tagged<TranslationView> get(String org, ElementType type, int number, String language) {
        ElementVersion version = version(org, type, number);
        ElementTranslation translation = require(version, language);
        return new Tagged<>(mapper.view(translation, mapper.content(version)), VersionMapper.etag(translation));
    }

    /** The version's translations in the organisation's order of languages, and the languages that have none. */
    @Transactional
    public TranslationList list(String org, ElementType type, int number) {
        ElementVersion version = version(org, type, number);
        Organization organization = version.element.organization;
        List<String> languages = organization.languages();
        Content source = mapper.content(version);
        List<TranslationList.Summary> items = ElementTranslation.<ElementTranslation>list("version", version).stream()
                .sorted(Comparator.comparingInt((ElementTranslation translation) -> order(languages, translation.language))
                        .thenComparing(translation -> translation.language))
                .map(translation -> new TranslationList.Summary(translation.language, translation.status, translation.updatedAt,
                        translation.updatedBy, TranslationRules.mismatches(source, mapper.content(translation)).isEmpty()))
                .toList();
        List<String> translated = items.stream().map(TranslationList.Summary::language).toList();
        List<String> missing = languages.stream()
                .filter(language -> !language.equals(organization.defaultLanguage) && !translated.contains(language))
                .toList();
        return new TranslationList(type.path(), number, organization.defaultLanguage, items, missing);
    }

    /** Deletes a translation; needs {@code If-Match} with its ETag. */
    @Transactional
    public void delete(String org, ElementType type, int number, String language, String ifMatch) {
        Element element = VersionService.element(organizations.require(org), type, true);
        ElementVersion version = VersionService.version(element, number);
        ElementTranslation translation = require(version, language);
        EntityTags.requireMatch(ifMatch, VersionMapper.etag(translation));
        requireNotWithdrawn(version, "changed");
        translation.delete();
        version.translationsChangedAt = Instant.now(clock);
        ElementTranslation.flush();
        recordEvent(version, language, "MISSING");
    }

    /**
     * The version as a read serves it: in the best language {@code negotiation} accepts among the
     * default language and the approved, complete translations in the organisation's languages; else in
     * the default language. The tag of the default-language representation is the version's own (so it
     * serves as {@code If-Match}); a translated one has a variant of it that names the translation's
     * revision. {@code Last-Modified} covers the version, its translations (also deleted ones), the
     * organisation's languages and, for a version adopted for later, the moment it took effect.
     * Runs in the caller's (read) transaction.
     */
    public Representation<VersionView> localize(ElementVersion version, LanguageNegotiation negotiation, Instant now) {
        Organization organization = version.element.organization;
        String defaultLanguage = organization.defaultLanguage;
        Content source = mapper.content(version);
        Map<String, ElementTranslation> servable = new HashMap<>();
        Map<String, Content> contents = new HashMap<>();
        // Without a language preference the default language is served: no need to look at translations.
        if (negotiation.expressed()) {
            servable(version, source, servable, contents);
        }
        List<String> available = organization.languages().stream()
                .filter(language -> language.equals(defaultLanguage) || servable.containsKey(language)).toList();
        String language = negotiation.select(available, defaultLanguage);
        ElementTranslation translation = servable.get(language);
        List<ConsultationLink> links = rounds.of(version, now);
        String versionTag = VersionMapper.etag(version, links);
        Instant lastModified = latest(VersionMapper.updatedAt(version, links), version.translationsChangedAt, organization.updatedAt,
                version.effectiveFrom != null && !version.effectiveFrom.isAfter(now) ? version.effectiveFrom : null);
        if (translation == null) {
            return new Representation<>(mapper.view(version, source, defaultLanguage, links), versionTag, defaultLanguage, lastModified);
        }
        return new Representation<>(mapper.view(version, TranslationRules.served(source, contents.get(language)), language, links),
                EntityTags.variant(versionTag, language + "-t" + translation.id + "." + translation.revision), language, lastModified);
    }

    /**
     * The languages {@link #localize} can serve the version in, in the organisation's order: its default
     * language and those of its approved, complete translations. Runs in the caller's (read) transaction.
     */
    public List<String> languages(ElementVersion version) {
        Organization organization = version.element.organization;
        Map<String, ElementTranslation> servable = new HashMap<>();
        servable(version, mapper.content(version), servable, new HashMap<>());
        return organization.languages().stream()
                .filter(language -> language.equals(organization.defaultLanguage) || servable.containsKey(language)).toList();
    }

    /**
     * Fills {@code servable} and {@code contents} with the version's approved translations that a read may
     * serve: in one of the organisation's languages other than the default, and complete (the version's item
     * keys, a statement exactly when it has one).
     */
    private void servable(ElementVersion version, Content source, Map<String, ElementTranslation> servable, Map<String, Content> contents) {
        Organization organization = version.element.organization;
        List<String> languages = organization.languages();
        for (ElementTranslation translation : ElementTranslation.<ElementTranslation>list("version = ?1 and status = ?2",
                version, TranslationStatus.APPROVED)) {
            Content content = mapper.content(translation);
            if (!translation.language.equals(organization.defaultLanguage) && languages.contains(translation.language)
                    && TranslationRules.mismatches(source, content).isEmpty()) {
                servable.put(translation.language, translation);
                contents.put(translation.language, content);
            }
        }
    }

    private ElementVersion version(String org, ElementType type, int number) {
        return VersionService.version(VersionService.element(organizations.require(org), type, false), number);
    }

    private static Optional<ElementTranslation> find(ElementVersion version, String language) {
        return ElementTranslation.find("version = ?1 and language = ?2", version, language).firstResultOptional();
    }

    private static ElementTranslation require(ElementVersion version, String language) {
        return find(version, language).orElseThrow(() -> new NotFoundException("Version " + version.number + " of the "
                + version.element.type.path() + " has no '" + language + "' translation"));
    }

    /** A translation is in one of the organisation's languages, and not its default: that is the version's own text. */
    private static void requireTranslatable(Organization organization, String language) {
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

    private static void requireNotWithdrawn(ElementVersion version, String what) {
        if (version.status == VersionStatus.WITHDRAWN) {
            throw new ConflictException("Version " + version.number + " of the " + version.element.type.path()
                    + " is WITHDRAWN; its translations can no longer be " + what);
        }
    }

    private static void validate(ElementType type, Content source, Content translation) {
        List<FieldError> errors = new ArrayList<>(ContentValidator.validate(type, translation, "content"));
        if (translation != null) {
            errors.addAll(TranslationRules.mismatches(source, translation));
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("The translation does not fit the version's content: it needs the same item keys, and a statement "
                    + "exactly when the version has one", errors);
        }
    }

    private void recordEvent(ElementVersion version, String language, String status) {
        events.record(version.element.organization, EventType.TRANSLATION_CHANGED,
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
