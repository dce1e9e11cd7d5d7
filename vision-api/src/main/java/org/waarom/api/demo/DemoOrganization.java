package org.waarom.api.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.waarom.api.common.Tagged;
import org.waarom.api.common.WaaromConfig;
import org.waarom.api.element.Content;
import org.waarom.api.element.ElementType;
import org.waarom.api.consultation.Audience;
import org.waarom.api.consultation.Stance;
import org.waarom.api.consultation.rest.Anchor;
import org.waarom.api.consultation.rest.ConsultationView;
import org.waarom.api.consultation.rest.CreateInvitationRequest;
import org.waarom.api.consultation.rest.FeedbackRequest;
import org.waarom.api.consultation.rest.InvitationView;
import org.waarom.api.consultation.rest.OpenConsultationRequest;
import org.waarom.api.consultation.service.ConsultationService;
import org.waarom.api.consultation.service.InvitationService;
import org.waarom.api.element.rest.AdoptRequest;
import org.waarom.api.element.rest.ElementSummary;
import org.waarom.api.element.rest.VersionRequest;
import org.waarom.api.element.rest.VersionView;
import org.waarom.api.element.service.VersionService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.rest.CreateOrganizationRequest;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.Caller;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * With {@code WAAROM_DEMO=true}, loads a Flemish care organisation with a Dutch mission, vision,
 * values and strategy, several versions deep, so a new user sees a full picture at once. It goes
 * through the same services as the API, so the demo obeys every rule real data does. Loaded once:
 * an organisation with its slug that exists already is left alone.
 */
@ApplicationScoped
public class DemoOrganization {

    static final String RESOURCE = "/demo/zorg-zonnebloem.json";
    private static final Logger LOG = Logger.getLogger(DemoOrganization.class);

    /** The demo file: the organisation, then per element its versions in order. */
    record Demo(CreateOrganizationRequest organization, Map<String, List<DemoVersion>> elements) {
    }

    /** A version; adopted from {@code adoptedFrom} when given, else left open as a draft. */
    record DemoVersion(Content content, String changeReason, Instant adoptedFrom) {
    }

    private final WaaromConfig config;
    private final OrganizationService organizations;
    private final VersionService versions;
    private final ObjectMapper json;
    private final ConsultationService consultations;
    private final InvitationService invitations;

    DemoOrganization(WaaromConfig config, OrganizationService organizations, VersionService versions, ObjectMapper json,
                     ConsultationService consultations, InvitationService invitations) {
        this.config = config;
        this.organizations = organizations;
        this.versions = versions;
        this.json = json;
        this.consultations = consultations;
        this.invitations = invitations;
    }

    void onStart(@Observes StartupEvent event) {
        if (config.demo()) {
            load();
        }
    }

    /** Loads the demo organisation unless it exists; returns its slug. */
    @ActivateRequestContext
    public String load() {
        Demo demo = read();
        String slug = demo.organization().slug();
        if (Organization.findBySlug(slug).isPresent()) {
            LOG.infof("Demo organisation '%s' is already there", slug);
            return slug;
        }
        organizations.create(demo.organization());
        demo.elements().forEach((typePath, demoVersions) -> {
            ElementType type = ElementType.fromPath(typePath).orElseThrow(() -> new IllegalStateException("Unknown element type in the demo: " + typePath));
            for (DemoVersion version : demoVersions) {
                Tagged<VersionView> draft = versions.create(slug, type, new VersionRequest(version.content(), version.changeReason(), null));
                if (version.adoptedFrom() != null) {
                    versions.adopt(slug, type, draft.value().version(), draft.etag(), new AdoptRequest(version.adoptedFrom()));
                }
            }
        });
        consultOnTheNewVision(slug);
        LOG.infof("Demo organisation '%s' loaded: /api/v1/organizations/%s", slug, slug);
        return slug;
    }

    /**
     * The open draft of the vision (its last version) in a consultation round of four weeks, with feedback of employees
     * and of the clients' council (through an invitation), so that a new user sees a round with its summary.
     */
    private void consultOnTheNewVision(String slug) {
        int draft = versions.elements(slug).stream().filter(element -> element.element().equals(ElementType.VISION.path()))
                .findFirst().map(ElementSummary::openVersion).orElseThrow(() -> new IllegalStateException("The demo vision has no open draft"));
        // "*": the demo has just written the draft itself.
        ConsultationView round = consultations.open(slug, ElementType.VISION, draft, "*", new OpenConsultationRequest(
                "Herken je je in deze nieuwe visie? Wat mist er nog, of wat zou je anders zeggen?",
                Instant.now().plus(Duration.ofDays(28)), List.of(Audience.EMPLOYEES, Audience.CLIENTS, Audience.PARTNERS)));
        InvitationView council = invitations.create(slug, round.id(), new CreateInvitationRequest(Audience.CLIENTS, "Cliëntenraad"));
        Caller ilse = new Caller("Ilse (begeleider De Linde)", "demo:ilse", Set.of(), Map.of());
        Caller jonas = new Caller("Jonas (teamcoach)", "demo:jonas", Set.of(), Map.of());
        Caller clientCouncil = new Caller(council.label(), InvitationService.CREDENTIAL_PREFIX + council.id(), Set.of(), Map.of());
        consultations.giveFeedback(slug, round.id(), new FeedbackRequest(new Anchor(null, true), Stance.SUPPORT,
                "Eindelijk staat het netwerk er expliciet in; zo werken we al jaren.", null), ilse);
        consultations.giveFeedback(slug, round.id(), new FeedbackRequest(new Anchor("digitaal", null), Stance.CONCERN,
                "Digitaal mee klinkt goed, maar wie helpt bewoners die geen smartphone hebben?", null), jonas);
        consultations.giveFeedback(slug, round.id(), new FeedbackRequest(new Anchor("eigen-regie", null), Stance.SUGGESTION,
                "Schrijf 'zelf kiezen, ook als dat een risico inhoudt': dat is wat eigen regie voor ons betekent.", null), clientCouncil);
        consultations.giveFeedback(slug, round.id(), new FeedbackRequest(new Anchor("inclusie", null), Stance.SUPPORT,
                "Graag ook 'in de vrije tijd' toevoegen: sport en cultuur horen erbij.", null), clientCouncil);
    }

    private Demo read() {
        try (InputStream in = DemoOrganization.class.getResourceAsStream(RESOURCE)) {
            if (in == null) {
                throw new IllegalStateException("The demo data " + RESOURCE + " is missing from the build");
            }
            return json.readValue(in, Demo.class);
        } catch (IOException e) {
            throw new UncheckedIOException("The demo data " + RESOURCE + " could not be read", e);
        }
    }
}
