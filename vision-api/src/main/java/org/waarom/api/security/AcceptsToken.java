package org.waarom.api.security;

import java.lang.annotation.ElementType;
import java.lang.annotation.Retention;
import java.lang.annotation.RetentionPolicy;
import java.lang.annotation.Target;

/**
 * Marks an endpoint that a narrowly scoped token in the URL ({@code ?token=…}) may call instead of an
 * {@code Authorization} header, for clients that cannot send one (calendar clients) or people who have no
 * account (consultation participants). {@link AccessFilter} looks at {@code token} only on methods
 * marked so, only for the {@link Kind} named here, and only when no {@code Authorization} header is present;
 * a token valid for the path is the whole grant (the endpoint's {@link Requires} permission still applies
 * to every other credential). Anywhere else the token is no credential at all: 401.
 */
@Retention(RetentionPolicy.RUNTIME)
@Target(ElementType.METHOD)
public @interface AcceptsToken {

    /** The query parameter that carries the token. */
    String QUERY_PARAMETER = "token";

    /** Which kind of token the endpoint accepts. */
    Kind value();

    /** The kinds of URL token the API issues, each valid on its own endpoints only. */
    enum Kind {
        /** {@code wcal_…}: reads its organisation's review-task calendar. */
        CALENDAR_FEED("The calendar feed token is not valid here: it is unknown, revoked or for another feed. "
                + "Create a new feed at …/calendar-feeds, or send an API key or token as 'Authorization: Bearer <credential>'"),
        /** {@code winv_…}: gives and changes its own feedback in one consultation round while it is open. */
        CONSULTATION_INVITATION("The invitation token is not valid here: it is unknown or revoked, the consultation round has closed, "
                + "or it is for another round. Ask the organisation for a new invitation, or send an API key or token as "
                + "'Authorization: Bearer <credential>'"),
        /** {@code wack_…}: opens its own acknowledgement page, where its person acknowledges a version; no API endpoint accepts it. */
        ACKNOWLEDGEMENT_LINK("The acknowledgement link is not valid here: it opens its own page only. "
                + "Send an API key or token as 'Authorization: Bearer <credential>'"),
        /**
         * {@code wrev_…}: opens its own review task's page, where its recipient decides the review; no API endpoint accepts
         * it. The review pages also admit a calendar feed's token, to read.
         */
        REVIEW_LINK("The review link is not valid here: it opens its own review page only. "
                + "Send an API key or token as 'Authorization: Bearer <credential>'");

        private final String refusal;

        Kind(String refusal) {
            this.refusal = refusal;
        }

        /** The detail of the 401 for a token of this kind that is not valid where it was presented. */
        public String refusal() {
            return refusal;
        }
    }
}
