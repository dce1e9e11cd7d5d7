package org.waarom.api.common.problem;

import jakarta.persistence.PersistenceException;
import jakarta.transaction.RollbackException;
import jakarta.ws.rs.core.Response;
import jakarta.ws.rs.core.UriInfo;
import org.junit.jupiter.api.Test;

import java.lang.reflect.Proxy;
import java.net.URI;
import java.sql.SQLException;
import javax.transaction.xa.XAException;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * How database failures that are not the client's doing are answered: a database that is going
 * away or coming back is 503 with Retry-After, wherever in the failure the driver's SQLSTATE sits.
 * Found under load while PostgreSQL restarted: a commit cut off by the server's shutdown reaches
 * the edge as the transaction manager's RollbackException, with the driver's exception attached
 * as a suppressed exception rather than as its cause.
 */
class DatabaseFailureMappingTest {

    /** The request the failure happened on: the mappers only ask it for its path (the problem's instance). */
    private static final UriInfo REQUEST = (UriInfo) Proxy.newProxyInstance(UriInfo.class.getClassLoader(), new Class<?>[] {UriInfo.class},
            (proxy, method, arguments) -> {
                if (method.getName().equals("getRequestUri")) {
                    return URI.create("http://localhost/api/v1/organizations/zorg/goals");
                }
                throw new AssertionError("the mappers asked the request for " + method.getName() + "; only its path was expected");
            });
    private static final SQLException ADMIN_SHUTDOWN = new SQLException("FATAL: terminating connection due to administrator command", "57P01");

    @Test
    void aCommitCutOffByTheServersShutdownIs503() {
        RollbackException commitFailed = new RollbackException("ARJUNA016053: Could not commit transaction.");
        XAException xa = new XAException("Error trying to transactionCommit local transaction: " + ADMIN_SHUTDOWN.getMessage());
        xa.initCause(ADMIN_SHUTDOWN);
        commitFailed.addSuppressed(xa);
        RuntimeException atTheEdge = new RuntimeException("Error invoking subclass method", commitFailed);

        Response answer = new UnexpectedExceptionMapper().toProblem(atTheEdge, REQUEST);

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
        Problem problem = (Problem) answer.getEntity();
        assertThat(problem.status()).isEqualTo(503);
        assertThat(problem.instance()).hasToString("/api/v1/organizations/zorg/goals");
    }

    @Test
    void aRefusedConnectionInsideAPersistenceExceptionIs503() {
        PersistenceException refused = new PersistenceException("Unable to acquire JDBC Connection",
                new SQLException("Connection to localhost:5432 refused", "08001"));

        Response answer = new PersistenceExceptionMapper().toProblem(refused, REQUEST);

        assertThat(answer.getStatus()).isEqualTo(503);
        assertThat(answer.getHeaderString("Retry-After")).isEqualTo("5");
    }

    @Test
    void aFailureWithoutAnUnavailableStateStays500() {
        RollbackException commitFailed = new RollbackException("ARJUNA016053: Could not commit transaction.");
        commitFailed.addSuppressed(new SQLException("relation \"x\" does not exist", "42P01"));

        assertThat(new UnexpectedExceptionMapper().toProblem(new RuntimeException(commitFailed), REQUEST).getStatus()).isEqualTo(500);
        assertThat(new UnexpectedExceptionMapper().toProblem(new IllegalStateException("a bug"), REQUEST).getStatus()).isEqualTo(500);
    }

    @Test
    void aCauseCycleEnds() {
        RuntimeException first = new RuntimeException("first");
        RuntimeException second = new RuntimeException("second", first);
        first.addSuppressed(second);

        assertThat(PersistenceExceptionMapper.databaseUnavailable(second)).isFalse();
    }
}
