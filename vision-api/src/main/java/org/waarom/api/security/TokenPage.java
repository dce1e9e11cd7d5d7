package org.waarom.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an HTML page for people without an account, reached by a capability link: the token of the {@link Kind}
 * named here, in the query ({@code ?token=…}, never in the path, which the access log records). {@link AccessFilter}
 * admits the page's request on that token alone (an {@code Authorization} header is ignored: the page is the token
 * holder's), with the same checks as the API's own URL tokens: scope, revocation, the throttle of failed attempts, and
 * the token's name in the audit log. Refusals are pages too ({@link TokenPageRefusals}), and they say nothing about
 * which tokens or organisations exist.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface TokenPage {

    /** Which kind of link reaches the page. */
    Kind value();

    enum Kind {
        /**
         * A consultation invitation ({@code winv_…}) on its own round's page. Unlike on the API, the page admits it also
         * after the round closed, to show the text and the person's own feedback read-only; giving or changing feedback
         * then answers that the round is closed.
         */
        CONSULTATION_INVITATION(AcceptsToken.Kind.CONSULTATION_INVITATION),
        /**
         * A personal acknowledgement link ({@code wack_…}) on its organisation's acknowledgement page. Also once a significant
         * new version replaced what it asked to acknowledge: the page then says so.
         */
        ACKNOWLEDGEMENT_LINK(AcceptsToken.Kind.ACKNOWLEDGEMENT_LINK),
        /**
         * A review link ({@code wrev_…}) on its own task's review page, while the task is open: reads and decides as its
         * recipient. A calendar feed's token ({@code wcal_…}) reads the review page of any open task of its organisation, and
         * decides none.
         */
        REVIEW_LINK(AcceptsToken.Kind.REVIEW_LINK),
        /**
         * The quality manager's overview of an organisation's open reviews (read-only): a calendar feed's token, or a review
         * link of the organisation while its task is open.
         */
        REVIEW_OVERVIEW(AcceptsToken.Kind.REVIEW_LINK);

        private final AcceptsToken.Kind token;

        Kind(AcceptsToken.Kind token) {
            this.token = token;
        }

        /** The kind of token the link carries: its {@link CapabilityTokens} admits the page. */
        public AcceptsToken.Kind token() {
            return token;
        }
    }
}
