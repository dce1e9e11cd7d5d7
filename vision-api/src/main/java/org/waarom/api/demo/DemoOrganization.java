package org.waarom.api.demo;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.waarom.api.VisionApiMain;
import org.waarom.api.acknowledgement.rest.AcknowledgeRequest;
import org.waarom.api.acknowledgement.rest.CreateAcknowledgementLinksRequest;
import org.waarom.api.acknowledgement.service.AcknowledgementLinkService;
import org.waarom.api.acknowledgement.service.AcknowledgementService;
import org.waarom.api.common.cache.Tagged;
import org.waarom.api.common.config.WaaromConfig;
import org.waarom.api.consultation.Audience;
import org.waarom.api.consultation.Stance;
import org.waarom.api.consultation.rest.Anchor;
import org.waarom.api.consultation.rest.ConsultationView;
import org.waarom.api.consultation.rest.CreateInvitationRequest;
import org.waarom.api.consultation.rest.FeedbackRequest;
import org.waarom.api.consultation.rest.InvitationView;
import org.waarom.api.consultation.rest.OpenConsultationRequest;
import org.waarom.api.consultation.service.ConsultationService;
import org.waarom.api.consultation.service.FeedbackService;
import org.waarom.api.consultation.service.InvitationService;
import org.waarom.api.element.Content;
import org.waarom.api.element.ElementType;
import org.waarom.api.element.TextVariant;
import org.waarom.api.element.TranslationStatus;
import org.waarom.api.element.rest.AdoptRequest;
import org.waarom.api.element.rest.ElementSummary;
import org.waarom.api.element.rest.TranslationRequest;
import org.waarom.api.element.rest.VersionRequest;
import org.waarom.api.element.rest.VersionView;
import org.waarom.api.element.service.TranslationService;
import org.waarom.api.element.service.VersionService;
import org.waarom.api.goal.rest.CreateGoalRequest;
import org.waarom.api.goal.rest.CreateIndicatorRequest;
import org.waarom.api.goal.rest.GoalView;
import org.waarom.api.goal.rest.IndicatorView;
import org.waarom.api.goal.rest.MeasurementRequest;
import org.waarom.api.goal.service.GoalService;
import org.waarom.api.goal.service.IndicatorService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.rest.CreateOrganizationRequest;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.reference.ReferenceKind;
import org.waarom.api.reference.rest.CiteRequest;
import org.waarom.api.reference.rest.ReferenceRequest;
import org.waarom.api.reference.service.ReferenceService;
import org.waarom.api.security.Caller;
import org.waarom.embedded.DatabaseStartup;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * With {@code WAAROM_DEMO=true}, loads a Flemish care organisation with a Dutch mission, vision,
 * values and strategy, several versions deep, and a strategic goal whose operational goal
 * "Iedereen een netwerk" is reached by its measurements, so a new user sees a full picture at once:
 * the reached goal is the event from which the review-scheduler asks for a review of the vision
 * (the vision's open draft is that revision). It goes through the same services as the API, so the
 * demo obeys every rule real data does. The values in effect and the vision under consultation have an easy-read text
 * (in Dutch; the values in English too), which the council's invitation and the acknowledgement link show first. Loaded once: an organisation with its slug that exists
 * already is left alone.
 */
@ApplicationScoped
public class DemoOrganization {

    /** Where the demo's ready links (with their tokens) are written, in the API's data directory. */
    public static final String LINKS_FILE = "demo-links";

    static final String RESOURCE = "/demo/zorg-zonnebloem.json";
    private static final Logger LOG = Logger.getLogger(DemoOrganization.class);

    /** The demo file: the organisation, per element its versions in order, and the strategic goals. */
    record Demo(CreateOrganizationRequest organization, Map<String, List<DemoVersion>> elements, List<DemoGoal> goals) {
    }

    /** A goal with its indicators and (for a strategic goal) its operational goals; {@code parentId} is filled in on loading. */
    record DemoGoal(CreateGoalRequest goal, List<DemoIndicator> indicators, List<DemoGoal> operationalGoals) {
    }

    /** An indicator and its measurements, recorded in order, so the reaching rules apply as they would to real data. */
    record DemoIndicator(CreateIndicatorRequest indicator, List<MeasurementRequest> measurements) {
    }

    /**
     * A version; adopted from {@code adoptedFrom} when given, else left open as a draft; with its approved easy-read texts
     * by language, when it has any.
     */
    record DemoVersion(Content content, String changeReason, Instant adoptedFrom, Map<String, Content> easyRead) {
    }

    private final WaaromConfig config;
    private final OrganizationService organizations;
    private final VersionService versions;
    private final TranslationService texts;
    private final ObjectMapper json;
    private final ConsultationService consultations;
    private final FeedbackService feedback;
    private final InvitationService invitations;
    private final AcknowledgementService acknowledgements;
    private final AcknowledgementLinkService acknowledgementLinks;
    private final ReferenceService references;
    private final GoalService goals;
    private final IndicatorService indicators;

    DemoOrganization(WaaromConfig config, OrganizationService organizations, VersionService versions, TranslationService texts, ObjectMapper json,
                     ConsultationService consultations, FeedbackService feedback, InvitationService invitations,
                     AcknowledgementService acknowledgements, AcknowledgementLinkService acknowledgementLinks, ReferenceService references,
                     GoalService goals, IndicatorService indicators) {
        this.config = config;
        this.organizations = organizations;
        this.versions = versions;
        this.texts = texts;
        this.json = json;
        this.consultations = consultations;
        this.feedback = feedback;
        this.invitations = invitations;
        this.acknowledgements = acknowledgements;
        this.acknowledgementLinks = acknowledgementLinks;
        this.references = references;
        this.goals = goals;
        this.indicators = indicators;
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
                // In plain words for the clients: what the council's invitation and the acknowledgement link show first.
                if (version.easyRead() != null) {
                    version.easyRead().forEach((language, content) -> texts.write(slug, type, draft.value().version(), TextVariant.EASY_READ,
                            language, null, new TranslationRequest(content, TranslationStatus.APPROVED)));
                }
            }
        });
        String consultationLink = consultOnTheNewVision(slug);
        useTheVision(slug);
        writeLinks(slug, consultationLink);
        for (DemoGoal goal : listOrNone(demo.goals())) {
            workTowards(slug, goal);
        }
        LOG.infof("Demo organisation '%s' loaded: /api/v1/organizations/%s", slug, slug);
        return slug;
    }

    /**
     * The open draft of the vision (its last version) in a consultation round of four weeks, with feedback of employees
     * and of the clients' council (through an invitation), so that a new user sees a round with its summary.
     */
    private String consultOnTheNewVision(String slug) {
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
        feedback.giveFeedback(slug, round.id(), new FeedbackRequest(new Anchor(null, true), Stance.SUPPORT,
                "Eindelijk staat het netwerk er expliciet in; zo werken we al jaren.", null), ilse);
        feedback.giveFeedback(slug, round.id(), new FeedbackRequest(new Anchor("digitaal", null), Stance.CONCERN,
                "Digitaal mee klinkt goed, maar wie helpt bewoners die geen smartphone hebben?", null), jonas);
        feedback.giveFeedback(slug, round.id(), new FeedbackRequest(new Anchor("eigen-regie", null), Stance.SUGGESTION,
                "Schrijf 'zelf kiezen, ook als dat een risico inhoudt': dat is wat eigen regie voor ons betekent.", null), clientCouncil);
        feedback.giveFeedback(slug, round.id(), new FeedbackRequest(new Anchor("inclusie", null), Stance.SUPPORT,
                "Graag ook 'in de vrije tijd' toevoegen: sport en cultuur horen erbij.", null), clientCouncil);
        return "/pages/" + slug + "/consultations/" + round.id() + "?token=" + council.token();
    }

    /**
     * The demo's two links for people, ready to open: the clients' council's invitation and an employee's acknowledgement
     * link for the values in effect. Their tokens are shown once, so they go to {@value #LINKS_FILE} in the data directory,
     * readable by its owner only (as the bootstrap key), where {@code ./run.sh --demo} reads and prints them.
     */
    private void writeLinks(String slug, String consultationLink) {
        var link = acknowledgementLinks.create(slug, ElementType.VALUES, 2, new CreateAcknowledgementLinksRequest(List.of(
                new CreateAcknowledgementLinksRequest.Person("hr-1006", "Sara (begeleider De Linde)", "nl")))).get(0);
        String acknowledgementLink = "/pages/" + slug + "/acknowledgement?token=" + link.token();
        Path file = DatabaseStartup.dataDirectory(VisionApiMain.SERVICE_NAME).resolve(LINKS_FILE);
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, "consultation=" + consultationLink + "\nacknowledgement=" + acknowledgementLink + "\n", StandardCharsets.UTF_8);
            LOG.infof("The demo's links for people are in %s", file);
        } catch (IOException e) {
            // The demo is there all the same; only its ready links are not.
            LOG.warnf("Could not write the demo's links to %s: %s", file, e.getMessage());
        }
    }

    /**
     * The statements as a working document: employees acknowledged the current values (recorded as an HR
     * system would, by external id), and decisions and a complaint cite the values, vision and strategy of their day.
     */
    private void useTheVision(String slug) {
        for (String person : List.of("hr-1001", "hr-1002", "hr-1003", "hr-1004", "hr-1005")) {
            acknowledgements.acknowledge(slug, ElementType.VALUES, 2, new AcknowledgeRequest(person));
        }
        references.record(slug, new ReferenceRequest(ReferenceKind.CASE_DISCUSSION, "Casusbespreking: verhuis van Jan naar een studio",
                LocalDate.of(2020, 5, 11), null, "CASUS-2020-031",
                "Jan koos zelf zijn buurt; het team ondersteunt hem vanuit zijn netwerk in plaats van op de campus.",
                List.of(new CiteRequest("vision", "inclusie"), new CiteRequest("values", "deskundigheid"))));
        references.record(slug, new ReferenceRequest(ReferenceKind.COMPLAINT, "Klacht over de nachtronde",
                LocalDate.of(2021, 6, 14), "https://intranet.zonnebloem.example/klachten/2021-117", "KL-2021-117",
                "We boden excuses aan en passen de nachtronde aan: aankloppen en wachten is hoe we respect tonen.",
                List.of(new CiteRequest("values", "respect"))));
        references.record(slug, new ReferenceRequest(ReferenceKind.TEAM_MEETING, "Teamoverleg Huis De Linde: bewoners kiezen het weekmenu",
                LocalDate.of(2023, 3, 20), null, null,
                "Bewoners beslissen zelf wat er op tafel komt; het team denkt mee, ook met familie.",
                List.of(new CiteRequest("vision", "eigen-regie"), new CiteRequest("values", "verbondenheid"))));
        references.record(slug, new ReferenceRequest(ReferenceKind.POLICY_DECISION, "Beleidsbeslissing: geen nieuwe campusplaatsen",
                LocalDate.of(2024, 9, 2), null, "RvB-2024-09",
                "Nieuwe woonplaatsen komen er enkel in kleinschalige huizen in de wijk, zoals onze visie en strategie vragen.",
                List.of(new CiteRequest("vision", null), new CiteRequest("strategy", "kleinschalig-wonen"))));
    }

    /**
     * Creates the goal tree first and measures afterwards: a strategic goal is reached when all its operational goals
     * are, so measuring one before its siblings exist would reach the strategic goal as well.
     */
    private void workTowards(String slug, DemoGoal strategic) {
        List<Runnable> measuring = new ArrayList<>();
        create(slug, strategic, null, measuring);
        measuring.forEach(Runnable::run);
    }

    /** Creates the goal (under {@code parentId} when given), its indicators and its operational goals; queues the measurements. */
    private void create(String slug, DemoGoal demoGoal, Long parentId, List<Runnable> measuring) {
        CreateGoalRequest request = demoGoal.goal();
        GoalView goal = goals.create(slug, new CreateGoalRequest(request.kind(), parentId, request.title(), request.description(),
                request.owner(), request.targetDate(), request.serves())).value();
        for (DemoIndicator demoIndicator : listOrNone(demoGoal.indicators())) {
            IndicatorView indicator = indicators.addIndicator(slug, goal.id(), demoIndicator.indicator());
            for (MeasurementRequest measurement : listOrNone(demoIndicator.measurements())) {
                measuring.add(() -> indicators.measure(slug, indicator.id(), measurement));
            }
        }
        for (DemoGoal operational : listOrNone(demoGoal.operationalGoals())) {
            create(slug, operational, goal.id(), measuring);
        }
    }

    private static <T> List<T> listOrNone(List<T> list) {
        return list == null ? List.of() : list;
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
