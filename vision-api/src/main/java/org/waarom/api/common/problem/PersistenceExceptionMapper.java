package org.waarom.api.common.problem;

import jakarta.persistence.OptimisticLockException;
import jakarta.persistence.PersistenceException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.sql.SQLException;
import java.util.ArrayDeque;
import java.util.Arrays;
import java.util.Collections;
import java.util.Deque;
import java.util.IdentityHashMap;
import java.util.Set;

/**
 * Database failures that reach the edge. A unique or exclusion constraint that a concurrent request
 * won, or a serialization failure, is a state conflict (409) the client can retry after re-reading;
 * a value PostgreSQL cannot store (SQLSTATE class 22) is the client's 400; an unreachable database
 * is 503. Anything else is our fault and logged (500, no details).
 *
 * <p>"Unreachable" covers a database that is restarting: a refused connection (SQLSTATE class 08)
 * and a server that terminates its sessions while it shuts down or is not yet accepting them
 * (57P01–57P03). Such a failure can also surface outside a {@link PersistenceException} (at
 * commit, from the connection pool), so {@link UnexpectedExceptionMapper} asks
 * {@link #databaseUnavailable} too. The 503 carries {@code Retry-After}: the pool reconnects by
 * itself once the server is back.
 */
public class PersistenceExceptionMapper {

    private static final Logger LOG = Logger.getLogger(PersistenceExceptionMapper.class);
    /** admin_shutdown, crash_shutdown, cannot_connect_now: the server is stopping or still starting. */
    private static final Set<String> UNAVAILABLE_STATES = Set.of("57P01", "57P02", "57P03");
    private static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response toProblem(PersistenceException exception, UriInfo uriInfo) {
        if (exception instanceof OptimisticLockException) {
            return ProblemResponses.of(ProblemKind.CONFLICT, "The resource was changed by another request; read it again and retry", uriInfo);
        }
        String state = sqlStateOf(exception);
        if (state != null && (state.equals("23505") || state.equals("23P01") || state.equals("40001") || state.equals("40P01"))) {
            return ProblemResponses.of(ProblemKind.CONFLICT, "A concurrent request changed the same data; read it again and retry", uriInfo);
        }
        if (state != null && state.startsWith("22")) {
            // A data exception: a value the client sent that PostgreSQL cannot store (a NUL character, a number
            // or date out of its range). The client's doing, so 400; logged in case a rule should name the field.
            LOG.warn("A value could not be stored on " + uriInfo.getRequestUri().getRawPath() + " (SQLSTATE " + state + ")");
            return ProblemResponses.of(ProblemKind.INVALID_REQUEST,
                    "A value in the request cannot be stored (for example a NUL character or a date out of range)", uriInfo);
        }
        if (databaseUnavailable(exception)) {
            return databaseUnavailable(exception, uriInfo);
        }
        LOG.error("Unexpected database failure on " + uriInfo.getRequestUri().getRawPath(), exception);
        return ProblemResponses.of(ProblemKind.INTERNAL_ERROR, "An unexpected error occurred; it has been logged", uriInfo);
    }

    /** Whether the failure means the database cannot be reached right now (down, restarting, refusing sessions). */
    public static boolean databaseUnavailable(Throwable exception) {
        String state = sqlStateOf(exception);
        return state != null && (state.startsWith("08") || UNAVAILABLE_STATES.contains(state));
    }

    /** 503 with Retry-After; logged briefly, since during a database restart every request fails this way. */
    static Response databaseUnavailable(Throwable exception, UriInfo uriInfo) {
        LOG.warnf("The database is unreachable (%s)", describe(exception));
        return Response.fromResponse(ProblemResponses.of(ProblemKind.SERVICE_UNAVAILABLE, "The database is unreachable; retry shortly", uriInfo))
                .header("Retry-After", RETRY_AFTER_SECONDS)
                .build();
    }

    /** The driver's own words for a database failure (or the innermost message when there is no SQLException). */
    public static String describe(Throwable exception) {
        SQLException sql = sqlExceptionIn(exception);
        Throwable root = sql == null ? exception : sql;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getMessage();
    }

    /**
     * The SQLSTATE of the first {@link SQLException} among the failure's causes and suppressed
     * exceptions. A commit that fails is reported by the transaction manager as a
     * {@code RollbackException} whose reason (the XA resource's failure, caused by the driver's
     * exception) is attached as a <em>suppressed</em> exception, not as the cause.
     */
    static String sqlStateOf(Throwable exception) {
        SQLException sql = sqlExceptionIn(exception);
        return sql == null ? null : sql.getSQLState();
    }

    /** The first {@link SQLException} with a SQLSTATE among the causes and suppressed exceptions (breadth first). */
    private static SQLException sqlExceptionIn(Throwable exception) {
        Set<Throwable> seen = Collections.newSetFromMap(new IdentityHashMap<>());
        Deque<Throwable> pending = new ArrayDeque<>();
        pending.add(exception);
        while (!pending.isEmpty()) {
            Throwable next = pending.removeFirst();
            if (!seen.add(next)) {
                continue;
            }
            if (next instanceof SQLException sql && sql.getSQLState() != null) {
                return sql;
            }
            if (next.getCause() != null) {
                pending.addLast(next.getCause());
            }
            pending.addAll(Arrays.asList(next.getSuppressed()));
        }
        return null;
    }
}
