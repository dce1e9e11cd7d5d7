package org.waarom.api.element.service;

import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.common.cache.Tagged;
import org.waarom.api.element.ConsultationStatus;
import org.waarom.api.element.Content;
import org.waarom.api.element.ElementTranslation;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.TextVariant;
import org.waarom.api.element.VersionStatus;
import org.waarom.api.element.rest.ConsultationLink;
import org.waarom.api.element.rest.CurrentValuesView;
import org.waarom.api.element.rest.ElementTypeView;
import org.waarom.api.element.rest.TranslationView;
import org.waarom.api.element.rest.VersionView;
import org.waarom.api.security.CurrentActor;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Entities of the element feature (versions, translations) to what clients read, with their ETags. */
@ApplicationScoped
public class VersionMapper {

    /** The version with its ETag, as read now; {@code rounds}: its links ({@link VersionRounds}), loaded by the caller. */
    public Tagged<VersionView> tagged(ElementVersion version, List<ConsultationLink> rounds) {
        return new Tagged<>(view(version, rounds), etag(version, rounds));
    }

    /** The version as written: its own content, in the organisation's default language. */
    public VersionView view(ElementVersion version, List<ConsultationLink> rounds) {
        return view(version, version.content, version.element.organization.defaultLanguage, TextVariant.STANDARD, rounds);
    }

    /**
     * The version with {@code content} in {@code language} as the {@code variant} text (its own, an approved translation or
     * an approved easy-read text), as read now: a
     * version IN_CONSULTATION whose round's deadline has passed reads as the draft it is about to be again
     * ({@link #closedUnrecorded}), exactly as the sweep will record it.
     */
    public VersionView view(ElementVersion version, Content content, String language, TextVariant variant, List<ConsultationLink> rounds) {
        Optional<Instant> closed = closedUnrecorded(version, rounds);
        return new VersionView(version.element.type.path(), version.number, closed.isPresent() ? VersionStatus.DRAFT : version.status,
                content, language, variant.value(), version.changeReason, version.basedOn, version.createdBy, version.createdAt,
                closed.isPresent() ? CurrentActor.SYSTEM.name() : version.updatedBy, closed.orElse(version.updatedAt),
                version.adoptedBy, version.adoptedAt, version.effectiveFrom, version.effectiveTo, version.significantChange, version.acknowledgementBasis,
                version.withdrawnBy, version.withdrawnAt, rounds);
    }

    /**
     * When the version's round closed, if it did at its deadline and the table does not say so yet: the version is still
     * IN_CONSULTATION there, while none of its rounds reads open any more. Empty otherwise.
     */
    public static Optional<Instant> closedUnrecorded(ElementVersion version, List<ConsultationLink> rounds) {
        if (version.status != VersionStatus.IN_CONSULTATION || rounds.isEmpty()
                || rounds.stream().anyMatch(round -> round.status() == ConsultationStatus.OPEN)) {
            return Optional.empty();
        }
        return Optional.ofNullable(rounds.get(rounds.size() - 1).closedAt());
    }

    /** When the version last changed as read now (see {@link #view(ElementVersion, Content, String, TextVariant, List)}). */
    public static Instant updatedAt(ElementVersion version, List<ConsultationLink> rounds) {
        return closedUnrecorded(version, rounds).orElse(version.updatedAt);
    }

    public TranslationView view(ElementTranslation translation, Content source) {
        Content content = translation.content;
        return new TranslationView(translation.version.element.type.path(), translation.version.number, translation.variant.value(),
                translation.language, translation.status, content, TranslationRules.mismatches(source, content).isEmpty(),
                translation.createdBy, translation.createdAt, translation.updatedBy, translation.updatedAt);
    }

    /** The current values as HR systems read them, from the (negotiated) values version. */
    public static CurrentValuesView currentValues(String organization, VersionView values) {
        return new CurrentValuesView(organization, values.version(), values.effectiveFrom(), values.language(), values.variant(),
                values.content().statement(), values.content().items());
    }

    /**
     * Strong: a version's representation changes exactly when its revision does. This is the version as stored, for
     * {@code If-Match} in a change (which has recorded what follows from time first, see {@link VersionChangeStarting}).
     */
    public static String etag(ElementVersion version) {
        return etag(version, version.revision);
    }

    /**
     * The ETag of the version as read now: a closing at the deadline that is not recorded yet counts as the revision
     * recording it will make (one more), so the ETag a client reads before the sweep is the one the version has after it,
     * and the one a change compares {@code If-Match} with once it has closed the round.
     */
    public static String etag(ElementVersion version, List<ConsultationLink> rounds) {
        return etag(version, closedUnrecorded(version, rounds).isPresent() ? version.revision + 1 : version.revision);
    }

    private static String etag(ElementVersion version, int revision) {
        return EntityTags.strong(version.element.type.path() + "-" + version.number + "-r" + revision);
    }

    /** Strong, and unique over time: a deleted and re-created translation or easy-read text has a new id. */
    public static String etag(ElementTranslation translation) {
        return EntityTags.strong(translation.version.element.type.path() + "-" + translation.version.number + "-" + translation.language
                + (translation.variant == TextVariant.EASY_READ ? "-easy-read" : "") + "-t" + translation.id + "-r" + translation.revision);
    }

    public static ElementTypeView view(ElementType type) {
        String requires = switch (type.contentRule()) {
            case STATEMENT_REQUIRED -> "a statement";
            case ITEMS_WITH_BEHAVIOURS_REQUIRED -> "at least one item, each with at least one behaviour";
            case STATEMENT_OR_ITEMS_REQUIRED -> "a statement or at least one item";
        };
        return new ElementTypeView(type.path(),
                Map.of("nl", type.questionNl(), "en", type.questionEn()),
                type.changeable(), requires,
                Map.of("nl", type.itemLabelNl(), "en", type.itemLabelEn()),
                new ElementTypeView.DefaultReviewPolicy(type.defaultCycle().toString(), type.reviewOnGoalReached(), type.reviewOnVisionAdopted()));
    }
}
