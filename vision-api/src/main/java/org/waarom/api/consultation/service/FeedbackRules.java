package org.waarom.api.consultation.service;

import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.consultation.Audience;
import org.waarom.api.consultation.rest.Anchor;
import org.waarom.api.element.Content;

import java.util.List;

/**
 * What feedback may say: the audience a participant answers as and the anchor it is about. Pure rules on plain values,
 * with no database, clock or CDI (issue 17: tested without Quarkus).
 */
final class FeedbackRules {

    private FeedbackRules() {
    }

    /**
     * The audience the feedback speaks for: the invitation's ({@code invited}, null without an invitation), or the one a
     * participant with an account names (default EMPLOYEES), which must be one of the round's {@code audiences}.
     */
    static Audience audience(List<Audience> audiences, Audience invited, Audience requested) {
        if (invited != null) {
            if (requested != null && requested != invited) {
                throw new InvalidRequestException("audience", "is set by your invitation: " + invited);
            }
            return invited;
        }
        Audience audience = requested == null ? Audience.EMPLOYEES : requested;
        if (!audiences.contains(audience)) {
            throw new InvalidRequestException("audience", (requested == null ? "is required here (EMPLOYEES is not asked): " : "")
                    + "must be one of the round's audiences " + audiences);
        }
        return audience;
    }

    /**
     * The item key {@code anchor} names (null: the statement), which {@code content} must have; {@code what} names the
     * consulted version in the messages ("version 2 of the vision").
     */
    static String anchorItem(Anchor anchor, Content content, String what) {
        boolean statement = Boolean.TRUE.equals(anchor.statement());
        if (anchor.item() != null && anchor.statement() != null) {
            throw new InvalidRequestException("anchor", "names either an item or the statement, not both");
        }
        if (anchor.item() == null && !statement) {
            throw new InvalidRequestException("anchor", "needs an item key ({\"item\": \"respect\"}) or {\"statement\": true}");
        }
        if (statement) {
            if (content.statement() == null || content.statement().isBlank()) {
                throw new InvalidRequestException("anchor.statement", "cannot be used: " + what + " has no statement; anchor the feedback to one of its items");
            }
            return null;
        }
        List<String> keys = content.items().stream().map(Content.Item::key).toList();
        if (!keys.contains(anchor.item())) {
            throw new InvalidRequestException("anchor.item", "names no item of " + what + "; its items are " + keys);
        }
        return anchor.item();
    }
}
