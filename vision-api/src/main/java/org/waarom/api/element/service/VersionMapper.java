package org.waarom.api.element.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.common.EntityTags;
import org.waarom.api.common.Tagged;
import org.waarom.api.consultation.service.ConsultationService;
import org.waarom.api.element.Content;
import org.waarom.api.element.ElementTranslation;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.rest.CurrentValuesView;
import org.waarom.api.element.rest.ElementTypeView;
import org.waarom.api.element.rest.TranslationView;
import org.waarom.api.element.rest.VersionView;

import java.util.Map;

/** Entities of the element feature (versions, translations) to what clients read, and content to and from its stored JSON. */
@ApplicationScoped
public class VersionMapper {

    private final ObjectMapper json;

    VersionMapper(ObjectMapper json) {
        this.json = json;
    }

    public Tagged<VersionView> tagged(ElementVersion version) {
        return new Tagged<>(view(version), etag(version));
    }

    /** The version as written: its own content, in the organisation's default language. */
    public VersionView view(ElementVersion version) {
        return view(version, content(version), version.element.organization.defaultLanguage);
    }

    /** The version with {@code content} in {@code language} (its own, or an approved translation). */
    public VersionView view(ElementVersion version, Content content, String language) {
        return new VersionView(version.element.type.path(), version.number, version.status, content, language,
                version.changeReason, version.basedOn, version.createdBy, version.createdAt, version.updatedBy, version.updatedAt,
                version.adoptedBy, version.adoptedAt, version.effectiveFrom, version.effectiveTo, version.significantChange, version.acknowledgementBasis,
                version.withdrawnBy, version.withdrawnAt, ConsultationService.links(version));
    }

    public TranslationView view(ElementTranslation translation, Content source) {
        Content content = content(translation);
        return new TranslationView(translation.version.element.type.path(), translation.version.number, translation.language,
                translation.status, content, TranslationRules.mismatches(source, content).isEmpty(),
                translation.createdBy, translation.createdAt, translation.updatedBy, translation.updatedAt);
    }

    /** The current values as HR systems read them, from the (negotiated) values version. */
    public static CurrentValuesView currentValues(String organization, VersionView values) {
        return new CurrentValuesView(organization, values.version(), values.effectiveFrom(), values.language(),
                values.content().statement(), values.content().items());
    }

    /** Strong: a version's representation changes exactly when its revision does. */
    public static String etag(ElementVersion version) {
        return EntityTags.strong(version.element.type.path() + "-" + version.number + "-r" + version.revision);
    }

    /** Strong, and unique over time: a deleted and re-created translation has a new id. */
    public static String etag(ElementTranslation translation) {
        return EntityTags.strong(translation.version.element.type.path() + "-" + translation.version.number + "-" + translation.language
                + "-t" + translation.id + "-r" + translation.revision);
    }

    public Content content(ElementVersion version) {
        return read(version.content, "version " + version.id);
    }

    public Content content(ElementTranslation translation) {
        return read(translation.content, "translation " + translation.id);
    }

    private Content read(String stored, String what) {
        try {
            return json.readValue(stored, Content.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored content of " + what + " is not readable", e);
        }
    }

    public String json(Content content) {
        try {
            return json.writeValueAsString(content);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Content could not be written as JSON", e);
        }
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
