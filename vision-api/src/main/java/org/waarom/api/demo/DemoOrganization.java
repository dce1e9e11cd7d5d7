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
import org.waarom.api.element.rest.AdoptRequest;
import org.waarom.api.element.rest.VersionRequest;
import org.waarom.api.element.rest.VersionView;
import org.waarom.api.element.service.VersionService;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.rest.CreateOrganizationRequest;
import org.waarom.api.organization.service.OrganizationService;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.time.Instant;
import java.util.List;
import java.util.Map;

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

    DemoOrganization(WaaromConfig config, OrganizationService organizations, VersionService versions, ObjectMapper json) {
        this.config = config;
        this.organizations = organizations;
        this.versions = versions;
        this.json = json;
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
        LOG.infof("Demo organisation '%s' loaded: /api/v1/organizations/%s", slug, slug);
        return slug;
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
