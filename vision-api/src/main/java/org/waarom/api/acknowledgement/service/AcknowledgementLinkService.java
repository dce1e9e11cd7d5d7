package org.waarom.api.acknowledgement.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.waarom.api.acknowledgement.AcknowledgementLink;
import org.waarom.api.acknowledgement.rest.AcknowledgementLinkView;
import org.waarom.api.acknowledgement.rest.AcknowledgementView;
import org.waarom.api.acknowledgement.rest.CreateAcknowledgementLinksRequest;
import org.waarom.api.common.http.LanguageNegotiation;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.element.Content;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.ElementVersion;
import org.waarom.api.element.VersionStatus;
import org.waarom.api.element.rest.VersionView;
import org.waarom.api.element.service.TranslationService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.Caller;
import org.waarom.api.security.CurrentActor;
import org.waarom.api.security.IssuedToken;
import org.waarom.api.security.SecretTokens;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Personal acknowledgement links (docs/participation.md#the-acknowledgement-page): made in bulk by an admin or an HR
 * system for an adopted version, one per person, and kept as invitations are ({@link SecretTokens}: 256 random bits
 * behind {@value #PREFIX}, shown once, stored as a SHA-256). A link shows the version in effect while it shares the
 * link's acknowledgement basis and records its own person's acknowledgement of it, exactly as
 * {@link AcknowledgementService#acknowledge} does for an admin naming that person; a significant new version (a new
 * basis) ends it, as does revoking it.
 */
@ApplicationScoped
public class AcknowledgementLinkService {

    public static final String PREFIX = "wack_";
    /** The credential of someone who came with a link: {@code acknowledgement-link:<id>}. */
    public static final String CREDENTIAL_PREFIX = "acknowledgement-link:";

    private final OrganizationService organizations;
    private final AcknowledgementService acknowledgements;
    private final TranslationService translations;
    private final CurrentActor actor;
    private final Clock clock;

    AcknowledgementLinkService(OrganizationService organizations, AcknowledgementService acknowledgements, TranslationService translations,
                               CurrentActor actor, Clock clock) {
        this.organizations = organizations;
        this.acknowledgements = acknowledgements;
        this.translations = translations;
        this.actor = actor;
        this.clock = clock;
    }

    /** One new link per person for the adopted version {@code number}; the answer holds the tokens, this once. 409 for any other status. */
    @Transactional
    public List<AcknowledgementLinkView> create(String org, ElementType type, int number, CreateAcknowledgementLinksRequest request) {
        Organization organization = organizations.require(org);
        ElementVersion version = AcknowledgementService.version(organization, type, number);
        if (version.status != VersionStatus.ADOPTED) {
            throw new ConflictException("Version " + number + " of the " + type.path() + " is " + version.status
                    + "; links are made for the adopted version only");
        }
        Set<String> seen = new HashSet<>();
        for (int i = 0; i < request.people().size(); i++) {
            if (!seen.add(request.people().get(i).person().strip())) {
                throw new InvalidRequestException("people[" + i + "].person", "appears twice in this request; one link per person");
            }
        }
        Instant now = Instant.now(clock);
        List<AcknowledgementLinkView> created = new ArrayList<>(request.people().size());
        for (CreateAcknowledgementLinksRequest.Person person : request.people()) {
            String token = SecretTokens.generate(PREFIX);
            AcknowledgementLink link = new AcknowledgementLink();
            link.organization = organization;
            link.version = version;
            link.acknowledgementBasis = version.acknowledgementBasis;
            link.person = person.person().strip();
            link.name = person.name().strip();
            link.language = person.language();
            link.tokenHash = SecretTokens.hash(token);
            link.createdBy = actor.name();
            link.createdAt = now;
            link.persist();
            created.add(view(link, token));
        }
        return created;
    }

    /** The version's links that are not revoked, never with a token. */
    @Transactional
    public Page<AcknowledgementLinkView> list(String org, ElementType type, int number, PageRequest page) {
        ElementVersion version = AcknowledgementService.version(organizations.require(org), type, number);
        var found = AcknowledgementLink.<AcknowledgementLink>find("version = ?1 and revokedAt is null", Sort.by("id"), version);
        List<AcknowledgementLinkView> items = found.page(page.page(), page.size()).list().stream().map(link -> view(link, null)).toList();
        return Page.of(items, page, found.count());
    }

    /** Revokes a link: its page answers that the link does not work from now on; an acknowledgement given through it stays. */
    @Transactional
    public void revoke(String org, ElementType type, int number, long linkId) {
        ElementVersion version = AcknowledgementService.version(organizations.require(org), type, number);
        AcknowledgementLink link = AcknowledgementLink.<AcknowledgementLink>findByIdOptional(linkId)
                .filter(found -> found.version.id.equals(version.id))
                .filter(found -> found.revokedAt == null)
                .orElseThrow(() -> new NotFoundException("Version " + number + " of the " + type.path() + " has no acknowledgement link " + linkId));
        link.revoke(actor.name(), Instant.now(clock));
    }

    /**
     * The person a link's token stands for on its organisation's acknowledgement page: present only for a token we issued,
     * not revoked, of that organisation. Also once a new basis replaced the link's, so that the page can say so. Records
     * the use (to the minute).
     */
    @Transactional
    public Optional<Caller> admitToPage(String presented, String org) {
        if (!IssuedToken.plausible(presented, PREFIX) || org == null) {
            return Optional.empty();
        }
        String hash = SecretTokens.hash(presented);
        Instant now = Instant.now(clock);
        Optional<AcknowledgementLink> found = AcknowledgementLink.<AcknowledgementLink>find("tokenHash", hash).firstResultOptional()
                .filter(link -> link.admits(hash))
                .filter(link -> link.organization.slug.equals(org));
        found.ifPresent(link -> link.recordUse(now));
        // No roles: the link's page is all it opens.
        return found.map(link -> new Caller(link.name, CREDENTIAL_PREFIX + link.id, Set.of(), Map.of()));
    }

    /**
     * What the link's page shows.
     *
     * @param text         the version in effect, localized; null once a new basis replaced the link's
     * @param easyRead     the text's approved easy-read text in the text's language (shown first); empty when there is none
     * @param languages    the languages the text can be read in
     * @param acknowledged the person's acknowledgement of the basis, if they gave one
     * @param negotiation  the language asked for: the request's, else the link's, else the browser's
     */
    public record LinkPage(String organization, String name, VersionView text, Optional<Content> easyRead, List<String> languages,
                           Optional<AcknowledgementView> acknowledged, LanguageNegotiation negotiation) {

        public boolean replaced() {
            return text == null;
        }
    }

    /** The page of the link the current caller came with; {@code lang} and {@code acceptLanguage} as the request gave them. */
    @Transactional
    public LinkPage read(String lang, String acceptLanguage) {
        AcknowledgementLink link = current();
        LanguageNegotiation negotiation = negotiation(lang == null ? link.language : lang, acceptLanguage);
        Instant now = Instant.now(clock);
        Optional<ElementVersion> inEffect = inEffectOnBasis(link, now);
        VersionView text = inEffect.map(version -> translations.localize(version, negotiation, now).value()).orElse(null);
        Optional<Content> easyRead = inEffect.flatMap(version -> translations.easyRead(version, text.language()));
        return new LinkPage(link.organization.name, link.name, text, easyRead, inEffect.map(translations::languages).orElse(List.of()),
                AcknowledgementService.onBasis(link.version, link.person), negotiation);
    }

    /**
     * The current caller's link's person read the version in effect: recorded exactly as an admin's acknowledgement for
     * them, once per basis (an earlier one of the basis is answered, not added to). 409 once a new basis replaced the link's.
     */
    @Transactional
    public AcknowledgementService.Recorded acknowledge() {
        AcknowledgementLink link = current();
        ElementVersion version = inEffectOnBasis(link, Instant.now(clock)).orElseThrow(() -> new ConflictException(
                "A significant new version replaced the text this link asked to acknowledge"));
        Optional<AcknowledgementView> earlier = AcknowledgementService.onBasis(version, link.person);
        if (earlier.isPresent()) {
            return new AcknowledgementService.Recorded(earlier.get(), false);
        }
        return acknowledgements.record(link.organization, version, link.person, actor.caller().orElseThrow());
    }

    /** The version in effect when it is still of the link's basis. */
    private static Optional<ElementVersion> inEffectOnBasis(AcknowledgementLink link, Instant now) {
        return ElementVersion.inEffect(link.version.element, now)
                .filter(version -> version.acknowledgementBasis != null && version.acknowledgementBasis == link.acknowledgementBasis);
    }

    private AcknowledgementLink current() {
        String credential = actor.caller().map(Caller::credential).filter(found -> found.startsWith(CREDENTIAL_PREFIX))
                .orElseThrow(() -> new IllegalStateException("The acknowledgement page is reached with a link only"));
        return AcknowledgementLink.findById(Long.parseLong(credential.substring(CREDENTIAL_PREFIX.length())));
    }

    private static LanguageNegotiation negotiation(String lang, String acceptLanguage) {
        try {
            return LanguageNegotiation.of(lang, acceptLanguage);
        } catch (InvalidRequestException notATag) {
            // A page answers in some language whatever it is asked: a malformed ?lang= counts as none.
            return LanguageNegotiation.of(null, acceptLanguage);
        }
    }

    private static AcknowledgementLinkView view(AcknowledgementLink link, String token) {
        return new AcknowledgementLinkView(link.id, link.version.element.type.path(), link.version.number, link.acknowledgementBasis, link.person,
                link.name, link.language, token, null, link.createdBy, link.createdAt, link.lastUsedAt);
    }
}
