package org.waarom.api.element.service;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import org.waarom.api.common.EntityTags;
import org.waarom.api.common.Tagged;
import org.waarom.api.element.Content;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.rest.ElementTypeView;
import org.waarom.api.element.rest.VersionView;

import java.util.Map;

/** Entities of the element feature to what clients read, and content to and from its stored JSON. */
@ApplicationScoped
public class VersionMapper {

    private final ObjectMapper json;

    VersionMapper(ObjectMapper json) {
        this.json = json;
    }

    public Tagged<VersionView> tagged(ElementVersion version) {
        return new Tagged<>(view(version), etag(version));
    }

    public VersionView view(ElementVersion version) {
        return new VersionView(version.element.type.path(), version.number, version.status, content(version),
                version.changeReason, version.basedOn, version.createdBy, version.createdAt, version.updatedBy, version.updatedAt,
                version.adoptedBy, version.adoptedAt, version.effectiveFrom, version.effectiveTo, version.withdrawnBy, version.withdrawnAt);
    }

    /** Strong: a version's representation changes exactly when its revision does. */
    public static String etag(ElementVersion version) {
        return EntityTags.strong(version.element.type.path() + "-" + version.number + "-r" + version.revision);
    }

    public Content content(ElementVersion version) {
        try {
            return json.readValue(version.content, Content.class);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("Stored content of version " + version.id + " is not readable", e);
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
