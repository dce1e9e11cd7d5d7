package org.waarom.api.apikey.service;

import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.waarom.api.apikey.ApiKey;
import org.waarom.api.apikey.rest.ApiKeyView;
import org.waarom.api.apikey.rest.CreateApiKeyRequest;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.common.problem.ConflictException;
import org.waarom.api.common.problem.FieldError;
import org.waarom.api.common.problem.InvalidRequestException;
import org.waarom.api.common.problem.NotFoundException;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.CurrentActor;
import org.waarom.api.security.OrganizationRole;
import org.waarom.api.security.PlatformRole;
import org.waarom.api.security.SecretTokens;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * API keys: 256 random bits behind a recognisable {@value #PREFIX} prefix, shown once, stored
 * only as a SHA-256 hash, compared in constant time, revocable, with a last-used time (all as
 * {@link SecretTokens} makes them). Their management; security checks them on every request
 * (its {@code ApiKeyLookup}), reading the same rows.
 */
@ApplicationScoped
public class ApiKeyService {

    public static final String PREFIX = "wrm_";
    private static final int DISPLAYED_PREFIX = 10;
    /** The PostgreSQL advisory lock that makes ensuring the bootstrap key one replica at a time (any constant unique in the database). */
    private static final long BOOTSTRAP_LOCK = 0x5741_4152_4f4d_0001L;

    private final OrganizationService organizations;
    private final CurrentActor actor;
    private final Clock clock;

    ApiKeyService(OrganizationService organizations, CurrentActor actor, Clock clock) {
        this.organizations = organizations;
        this.actor = actor;
        this.clock = clock;
    }

    /** A new key of the organisation (or the platform when {@code org} is null); the answer holds the key, once. */
    @Transactional
    public ApiKeyView create(String org, CreateApiKeyRequest request) {
        Organization organization = org == null ? null : organizations.require(org);
        String roles = validRoles(organization == null, request.roles());
        String key = SecretTokens.generate(PREFIX);
        ApiKey apiKey = store(organization, request.name().strip(), roles, key, actor.name());
        return view(apiKey, key);
    }

    @Transactional
    public Page<ApiKeyView> list(String org, PageRequest page) {
        var query = org == null
                ? ApiKey.<ApiKey>find("organization is null", Sort.by("id"))
                : ApiKey.<ApiKey>find("organization", Sort.by("id"), organizations.require(org));
        List<ApiKeyView> items = query.page(page.page(), page.size()).list().stream().map(key -> view(key, null)).toList();
        return Page.of(items, page, query.count());
    }

    /** One key of the organisation (or the platform when {@code org} is null), never with the key itself. */
    @Transactional
    public ApiKeyView get(String org, long id) {
        return view(require(org, id), null);
    }

    /** Revokes a key; it authenticates nothing from then on. Revoking twice is a conflict. */
    @Transactional
    public void revoke(String org, long id) {
        ApiKey key = require(org, id);
        if (key.revokedAt != null) {
            throw new ConflictException("API key " + id + " was already revoked at " + key.revokedAt);
        }
        key.revokedAt = Instant.now(clock);
        key.revokedBy = actor.name();
    }

    /** The key with this id in the organisation (or among the platform's keys): another scope's key is 404, as if it did not exist. */
    private ApiKey require(String org, long id) {
        Organization organization = org == null ? null : organizations.require(org);
        return ApiKey.<ApiKey>findByIdOptional(id)
                .filter(found -> organization == null ? found.organization == null : found.organization != null && found.organization.id.equals(organization.id))
                .orElseThrow(() -> new NotFoundException("There is no API key " + id));
    }

    /** Makes sure {@code key} is a platform-admin key (WAAROM_BOOTSTRAP_ADMIN_KEY); re-enables it if it was revoked. */
    @Transactional
    public void ensurePlatformAdminKey(String key) {
        holdBootstrapLock();
        ApiKey existing = ApiKey.<ApiKey>find("keyHash", SecretTokens.hash(key)).firstResult();
        if (existing == null) {
            store(null, "bootstrap-admin", PlatformRole.PLATFORM_ADMIN.value(), key, CurrentActor.SYSTEM.name());
        } else if (existing.organization != null || !existing.roles.equals(PlatformRole.PLATFORM_ADMIN.value()) || existing.revokedAt != null) {
            existing.organization = null;
            existing.roles = PlatformRole.PLATFORM_ADMIN.value();
            existing.revokedAt = null;
            existing.revokedBy = null;
        }
    }

    /** A new platform-admin key when there are no keys at all (a first start); empty otherwise. */
    @Transactional
    public Optional<String> createFirstPlatformAdminKey() {
        holdBootstrapLock();
        if (ApiKey.count() > 0) {
            return Optional.empty();
        }
        String key = SecretTokens.generate(PREFIX);
        store(null, "bootstrap-admin", PlatformRole.PLATFORM_ADMIN.value(), key, CurrentActor.SYSTEM.name());
        return Optional.of(key);
    }

    /**
     * Replicas that start together on one database each ensure the bootstrap key: without this, two could both find it
     * missing and both insert it, and the second replica would stop on the unique key hash (or, without a configured key,
     * each would generate one). The lock is PostgreSQL's, held until the transaction ends, so the second waits and then
     * finds the key.
     */
    private void holdBootstrapLock() {
        ApiKey.getEntityManager().createNativeQuery("select pg_advisory_xact_lock(" + BOOTSTRAP_LOCK + ")").getSingleResult();
    }

    private ApiKey store(Organization organization, String name, String roles, String key, String createdBy) {
        ApiKey apiKey = new ApiKey();
        apiKey.organization = organization;
        apiKey.name = name;
        apiKey.roles = roles;
        apiKey.keyHash = SecretTokens.hash(key);
        apiKey.keyPrefix = key.substring(0, Math.min(DISPLAYED_PREFIX, key.length()));
        apiKey.createdBy = createdBy;
        apiKey.createdAt = Instant.now(clock);
        apiKey.persist();
        return apiKey;
    }

    private static String validRoles(boolean platform, List<String> requested) {
        Set<String> roles = new LinkedHashSet<>();
        List<FieldError> errors = new ArrayList<>();
        for (int i = 0; i < requested.size(); i++) {
            String role = requested.get(i);
            boolean known = platform ? PlatformRole.parse(role).isPresent() : OrganizationRole.parse(role).isPresent();
            if (!known) {
                errors.add(new FieldError("roles[" + i + "]", platform
                        ? "must be platform-admin or service"
                        : "must be one of admin, editor, approver, quality-manager, contributor, reader"));
            }
            roles.add(role);
        }
        if (!errors.isEmpty()) {
            throw new InvalidRequestException("Unknown role(s)", errors);
        }
        return String.join(",", roles);
    }

    private static ApiKeyView view(ApiKey key, String plainKey) {
        return new ApiKeyView(key.id, key.name, key.organization == null ? null : key.organization.slug, key.roleList(),
                key.keyPrefix, plainKey, key.createdBy, key.createdAt, key.lastUsedAt, key.revokedAt);
    }
}
