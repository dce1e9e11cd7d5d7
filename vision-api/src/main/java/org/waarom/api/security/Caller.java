package org.waarom.api.security;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Who makes a request, established once per request from its credentials.
 *
 * @param name              recorded as createdBy, adoptedBy, … (key name or token user)
 * @param credential        which credential: {@code key:<id>}, {@code token:<subject>}, {@code calendar-feed:<id>} or {@code invitation:<id>}
 * @param platformRoles     roles over all organisations
 * @param organizationRoles roles per organisation slug
 */
public record Caller(String name, String credential, Set<PlatformRole> platformRoles,
                     Map<String, Set<OrganizationRole>> organizationRoles) {

    /** How {@link TokenVerifier} names a token's credential: this, then the token's subject. */
    static final String TOKEN_PREFIX = "token:";

    public boolean isPlatformAdmin() {
        return platformRoles.contains(PlatformRole.PLATFORM_ADMIN);
    }

    public boolean isService() {
        return platformRoles.contains(PlatformRole.SERVICE);
    }

    /** The caller's roles in an organisation; empty when it has none there. */
    public Set<OrganizationRole> rolesIn(String organization) {
        return organizationRoles.getOrDefault(organization, Set.of());
    }

    /** Whether it holds the permission in the organisation (null for permissions outside one). */
    public boolean holds(Permission permission, String organization) {
        if (isPlatformAdmin()) {
            return true;
        }
        return switch (permission.scope()) {
            case AUTHENTICATED -> true;
            case PLATFORM -> permission.service() && isService();
            case ORGANIZATION -> (permission.service() && isService())
                    || rolesIn(organization).contains(OrganizationRole.ADMIN)
                    || rolesIn(organization).stream().anyMatch(permission.organizationRoles()::contains);
        };
    }

    /**
     * The person the caller is, where it is one: the subject of an OIDC token. An API key stands for a
     * system (an HR system, a script), not a person, and has none.
     */
    public Optional<String> person() {
        return credential.startsWith(TOKEN_PREFIX) ? Optional.of(credential.substring(TOKEN_PREFIX.length())) : Optional.empty();
    }

    /** Whether it administers the organisation: its admin, or the platform's. */
    public boolean isAdminOf(String organization) {
        return isPlatformAdmin() || rolesIn(organization).contains(OrganizationRole.ADMIN);
    }

    /** Whether it may know that the organisation exists at all (else it gets 404 for everything in it). */
    public boolean seesOrganization(String organization) {
        return isPlatformAdmin() || isService() || !rolesIn(organization).isEmpty();
    }
}
