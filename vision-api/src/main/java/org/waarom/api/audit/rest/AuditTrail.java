package org.waarom.api.audit.rest;

import io.smallrye.mutiny.Uni;
import io.vertx.core.Context;
import jakarta.ws.rs.container.ContainerRequestContext;
import jakarta.ws.rs.container.ContainerResponseContext;
import jakarta.ws.rs.container.ResourceInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerResponseFilter;
import org.waarom.api.audit.service.AuditLogService;
import org.waarom.api.common.cache.ReadCache;
import org.waarom.api.common.problem.PersistenceExceptionMapper;
import org.waarom.api.security.AccessFilter;
import org.waarom.api.security.Caller;
import org.waarom.api.security.CurrentActor;

import java.lang.reflect.Method;
import java.util.Set;

/**
 * Records every state-changing request of an authenticated caller in the audit log, with the
 * status it was answered: what succeeded, what was refused and what failed. The action is named
 * after the endpoint ({@code ElementResource#adopt} → {@code element.adopt}).
 *
 * <p>While the database is unreachable the audit row cannot be written either. The answer then
 * stands as it is — a 503 that changed nothing, or a success whose change committed just before
 * the database went away — rather than turning into a 500; the lost row is logged.
 */
public class AuditTrail {

    private static final Logger LOG = Logger.getLogger(AuditTrail.class);
    private static final Uni<Void> DONE = Uni.createFrom().voidItem();
    private static final Set<String> CHANGING = Set.of("POST", "PUT", "PATCH", "DELETE");

    private final AuditLogService auditLog;
    private final CurrentActor actor;

    AuditTrail(AuditLogService auditLog, CurrentActor actor) {
        this.auditLog = auditLog;
        this.actor = actor;
    }

    @ServerResponseFilter
    public Uni<Void> record(ContainerRequestContext request, ContainerResponseContext response, ResourceInfo resource) {
        if (!CHANGING.contains(request.getMethod()) || actor.caller().isEmpty() || resource.getResourceMethod() == null) {
            return DONE;
        }
        Caller caller = actor.caller().get();
        String organization = request.getUriInfo().getPathParameters().getFirst("org");
        // A probe of another organisation is the prober's business, not the target's: recording it in the
        // target's log would show the target who probed (and that the answer there was a 404 "as if absent").
        // A URL token (an invitation) admits its holder to one organisation without a role there: its log is that one's.
        boolean granted = organization != null && organization.equals(request.getProperty(AccessFilter.TOKEN_GRANT));
        String logOf = organization != null && (caller.seesOrganization(organization) || granted) ? organization : null;
        String action = actionOf(resource.getResourceMethod());
        String path = request.getUriInfo().getRequestUri().getRawPath();
        int status = response.getStatus();
        Runnable write = () -> {
            try {
                auditLog.record(caller, logOf, action, request.getMethod(), path, status);
            } catch (RuntimeException e) {
                if (!PersistenceExceptionMapper.databaseUnavailable(e)) {
                    throw e;
                }
                LOG.warnf("Audit record of %s %s (%d by %s) not written: the database is unreachable", request.getMethod(), path, status, caller.name());
            }
        };
        if (Context.isOnEventLoopThread()) {
            // Refused by the (non-blocking) access filter: the answer is on the event loop, the write must not be.
            return ReadCache.blocking(() -> {
                write.run();
                return null;
            }).replaceWithVoid();
        }
        write.run();
        return DONE;
    }

    static String actionOf(Method method) {
        String feature = method.getDeclaringClass().getSimpleName().replace("Resource", "");
        return Character.toLowerCase(feature.charAt(0)) + feature.substring(1) + "." + method.getName();
    }
}
