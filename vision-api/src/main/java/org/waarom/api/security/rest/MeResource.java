package org.waarom.api.security.rest;

import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;
import org.waarom.api.security.Caller;
import org.waarom.api.security.CurrentActor;
import org.waarom.api.security.OrganizationRole;
import org.waarom.api.security.Permission;
import org.waarom.api.security.PlatformRole;
import org.waarom.api.security.Requires;

import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

@Path("/api/v1/me")
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "API keys") // described once, on ApiKeyResource
public class MeResource {

    private final CurrentActor actor;

    MeResource(CurrentActor actor) {
        this.actor = actor;
    }

    @GET
    @Requires(Permission.ME_READ)
    @Operation(operationId = "getMe", summary = "Who am I", description = "The caller's name, credential, platform roles and roles per organisation.")
    public MeView me() {
        Caller caller = actor.caller().orElse(CurrentActor.SYSTEM);
        Map<String, List<String>> organizations = new TreeMap<>();
        caller.organizationRoles().forEach((org, roles) -> organizations.put(org,
                roles.stream().sorted(Comparator.naturalOrder()).map(OrganizationRole::value).toList()));
        return new MeView(caller.name(), caller.credential(),
                caller.platformRoles().stream().sorted().map(PlatformRole::value).toList(), organizations);
    }
}
