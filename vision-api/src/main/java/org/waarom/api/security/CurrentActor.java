package org.waarom.api.security;

import jakarta.enterprise.context.RequestScoped;

import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The {@link Caller} of the current request, set by {@link AccessFilter} once its credentials are
 * checked. Work that runs outside a request (start-up, the demo loader) acts as "system".
 */
@RequestScoped
public class CurrentActor {

    public static final Caller SYSTEM = new Caller("system", "system", Set.of(PlatformRole.PLATFORM_ADMIN), Map.of());

    private Caller caller;

    void authenticate(Caller caller) {
        this.caller = caller;
    }

    public Optional<Caller> caller() {
        return Optional.ofNullable(caller);
    }

    /** Who to record as createdBy, adoptedBy, … */
    public String name() {
        return caller().orElse(SYSTEM).name();
    }
}
