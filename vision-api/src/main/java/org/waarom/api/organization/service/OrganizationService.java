package org.waarom.api.organization.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import org.waarom.api.common.OrganizationSlug;
import org.waarom.api.common.cache.EntityTags;
import org.waarom.api.common.cache.Tagged;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.rest.CreateOrganizationRequest;
import org.waarom.api.organization.rest.OrganizationView;
import org.waarom.api.organization.rest.UpdateOrganizationRequest;
import org.waarom.api.security.Caller;
import org.waarom.api.security.OpenedReads;
import org.waarom.api.security.PublicRead;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Organisations (tenants): creation, reads and changes. What else a creation or a change sets off (the elements every
 * organisation has, the events) is done by observers of {@link OrganizationCreated} and {@link OrganizationUpdated}, in
 * the same transaction.
 */
@ApplicationScoped
public class OrganizationService implements OpenedReads {

    public static final String DEFAULT_LANGUAGE = "nl";

    private final Event<OrganizationCreated> created;
    private final Event<OrganizationUpdated> updated;
    private final Clock clock;

    OrganizationService(Event<OrganizationCreated> created, Event<OrganizationUpdated> updated, Clock clock) {
        this.created = created;
        this.updated = updated;
        this.clock = clock;
    }

    @Transactional
    public Tagged<OrganizationView> create(CreateOrganizationRequest request) {
        if (Organization.findBySlug(request.slug()).isPresent()) {
            throw new ConflictException("An organisation with slug '" + request.slug() + "' already exists");
        }
        String defaultLanguage = request.defaultLanguage() == null ? DEFAULT_LANGUAGE : request.defaultLanguage();
        Organization organization = new Organization();
        organization.slug = request.slug();
        organization.name = request.name().strip();
        organization.defaultLanguage = defaultLanguage;
        organization.languages(languagesWithDefault(defaultLanguage, request.languages()));
        organization.createdAt = Instant.now(clock);
        organization.updatedAt = organization.createdAt;
        organization.persist();
        // The features set up what every organisation has (the element rows) and its event is recorded, in this transaction.
        created.fire(new OrganizationCreated(organization, view(organization)));
        // A concurrent create of the same slug fails here (unique constraint) and answers 409.
        Organization.flush();
        return tagged(organization);
    }

    /** The organisations the caller may know of: all for the platform roles, else those it has a role in. */
    @Transactional
    public Page<OrganizationView> list(Caller caller, PageRequest page) {
        var query = caller.isPlatformAdmin() || caller.isService()
                ? Organization.<Organization>findAll(Sort.by("slug"))
                : Organization.<Organization>find("slug in ?1", Sort.by("slug"), caller.organizationRoles().keySet());
        List<OrganizationView> items = query.page(page.page(), page.size()).list().stream().map(OrganizationService::view).toList();
        return Page.of(items, page, query.count());
    }

    @Transactional
    public Tagged<OrganizationView> get(String slug) {
        return tagged(require(slug));
    }

    @Transactional
    public Tagged<OrganizationView> update(String slug, String ifMatch, UpdateOrganizationRequest request) {
        if (!OrganizationSlug.possible(slug)) {
            throw OrganizationSlug.notFound(slug);
        }
        Organization organization = Organization.<Organization>find("slug", slug)
                .withLock(LockModeType.PESSIMISTIC_WRITE).firstResultOptional()
                .orElseThrow(() -> OrganizationSlug.notFound(slug));
        EntityTags.requireMatch(ifMatch, etag(organization));
        if (request.slug() != null && !request.slug().equals(organization.slug)) {
            throw new InvalidRequestException("slug", "cannot be changed: it names the organisation in every URL and integration");
        }
        if (request.name() != null) {
            organization.name = request.name().strip();
        }
        String defaultLanguage = request.defaultLanguage() == null ? organization.defaultLanguage : request.defaultLanguage();
        List<String> languages = request.languages() == null ? organization.languages() : request.languages();
        if (request.languages() != null && request.defaultLanguage() == null && !languages.contains(defaultLanguage)) {
            throw new InvalidRequestException("languages", "must contain the default language '" + defaultLanguage + "'");
        }
        organization.defaultLanguage = defaultLanguage;
        organization.languages(languagesWithDefault(defaultLanguage, languages));
        if (request.publicReads() != null) {
            organization.publicReads(publicReads(request.publicReads()));
        }
        organization.updatedAt = Instant.now(clock);
        Organization.flush();
        updated.fire(new OrganizationUpdated(organization, view(organization)));
        return tagged(organization);
    }

    @Override
    @Transactional
    public Set<PublicRead> openedBy(String slug) {
        return slug == null ? Set.of() : Organization.findBySlug(slug).map(Organization::publicReads).orElse(Set.of());
    }

    /** The organisation with this slug, or 404. */
    public Organization require(String slug) {
        return Organization.findBySlug(slug).orElseThrow(() -> OrganizationSlug.notFound(slug));
    }

    static String etag(Organization organization) {
        return EntityTags.strong("org-" + organization.id + "-" + organization.revision);
    }

    private static Tagged<OrganizationView> tagged(Organization organization) {
        return new Tagged<>(view(organization), etag(organization));
    }

    private static OrganizationView view(Organization organization) {
        return new OrganizationView(organization.slug, organization.name, organization.defaultLanguage,
                organization.languages(), PublicRead.names(organization.publicReads()), organization.createdAt, organization.updatedAt);
    }

    /** The reads named in a request; 400 naming each name that is not one of them. */
    private static Set<PublicRead> publicReads(List<String> names) {
        Set<PublicRead> reads = EnumSet.noneOf(PublicRead.class);
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < names.size(); i++) {
            Optional<PublicRead> read = PublicRead.parse(names.get(i));
            read.ifPresent(reads::add);
            if (read.isEmpty()) {
                errors.add(new FieldError("publicReads[" + i + "]", "must be one of " + PublicRead.allNames()));
            }
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("Only the current mission, vision and values and the vision document can be made public", errors);
        }
        return reads;
    }

    /** The default language first, then the others in the given order, without repeats. */
    private static List<String> languagesWithDefault(String defaultLanguage, List<String> languages) {
        List<String> result = new ArrayList<>();
        result.add(defaultLanguage);
        if (languages != null) {
            languages.stream().filter(language -> !result.contains(language)).forEach(result::add);
        }
        return result;
    }
}
