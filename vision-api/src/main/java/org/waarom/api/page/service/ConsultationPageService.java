package org.waarom.api.page.service;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.waarom.api.common.http.LanguageNegotiation;
import org.waarom.api.consultation.Audience;
import org.waarom.api.consultation.Consultation;
import org.waarom.api.consultation.rest.ParticipationView;
import org.waarom.api.consultation.service.FeedbackService;
import org.waarom.api.element.Content;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.rest.VersionView;
import org.waarom.api.element.service.TranslationService;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/**
 * What the consultation page shows its invited participant, read in one transaction: the round as the API's
 * participation read gives it (question, deadline, status, their own feedback), the consulted text in the language
 * asked for (with the API's fallback), the version in effect in that same language to show what changes, and, for a
 * participant invited as a client, the consulted text's easy-read text in that language (shown first).
 */
@ApplicationScoped
public class ConsultationPageService {

    private final FeedbackService feedback;
    private final TranslationService translations;
    private final Clock clock;

    ConsultationPageService(FeedbackService feedback, TranslationService translations, Clock clock) {
        this.feedback = feedback;
        this.translations = translations;
        this.clock = clock;
    }

    /**
     * The page's data.
     *
     * @param draft     the consulted version, localized
     * @param adopted   the version in effect, in the draft's language; empty when there is none, or not in that language
     * @param languages the languages the draft can be read in (the page offers them)
     * @param easyRead  the draft's approved easy-read text in the draft's language, for an invitation of audience CLIENTS; else empty
     */
    public record ConsultationPageData(ParticipationView round, VersionView draft, Optional<VersionView> adopted, List<String> languages,
                                       Optional<Content> easyRead) {
    }

    @Transactional
    public ConsultationPageData read(String org, long id, LanguageNegotiation negotiation) {
        ParticipationView round = feedback.participation(org, id);
        ElementVersion version = Consultation.<Consultation>findById(id).version;
        Instant now = Instant.now(clock);
        VersionView draft = translations.localize(version, negotiation, now).value();
        Optional<VersionView> adopted = ElementVersion.inEffect(version.element, now)
                .map(inEffect -> translations.localize(inEffect, LanguageNegotiation.of(draft.language(), null), now).value())
                .filter(inEffect -> inEffect.language().equals(draft.language()));
        Optional<Content> easyRead = round.audience() == Audience.CLIENTS ? translations.easyRead(version, draft.language()) : Optional.empty();
        return new ConsultationPageData(round, draft, adopted, translations.languages(version), easyRead);
    }
}
