package org.waarom.api.audit.service;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.panache.common.Parameters;
import io.quarkus.panache.common.Sort;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.transaction.Transactional;
import org.waarom.api.audit.AuditEntry;
import org.waarom.api.audit.rest.AuditEntryView;
import org.waarom.api.common.http.Page;
import org.waarom.api.common.http.PageRequest;
import org.waarom.api.organization.Organization;
import org.waarom.api.organization.service.OrganizationService;
import org.waarom.api.security.Caller;

import java.time.Clock;
import java.time.Instant;
import java.util.List;

/** Writes and reads the audit log. */
@ApplicationScoped
public class AuditLogService {

    private final OrganizationService organizations;
    private final Clock clock;

    AuditLogService(OrganizationService organizations, Clock clock) {
        this.organizations = organizations;
        this.clock = clock;
    }

    /**
     * Records one request in its own transaction: the entry is kept whatever became of the
     * request's own transaction (a refused or failed attempt is worth recording too).
     */
    public void record(Caller caller, String organization, String action, String method, String target, int status) {
        QuarkusTransaction.requiringNew().run(() -> {
            AuditEntry entry = new AuditEntry();
            entry.organizationId = organization == null ? null : Organization.findBySlug(organization).map(found -> found.id).orElse(null);
            entry.actor = truncate(caller.name(), 200);
            entry.credential = truncate(caller.credential(), 200);
            entry.action = truncate(action, 64);
            entry.method = method;
            entry.target = truncate(target, 500);
            entry.status = status;
            entry.outcome = status < 400 ? "SUCCEEDED" : (status == 401 || status == 403 || status == 404 ? "DENIED" : "FAILED");
            entry.occurredAt = Instant.now(clock);
            entry.persist();
        });
    }

    /** The organisation's entries, newest first, optionally of one action and within [from, to). */
    @Transactional
    public Page<AuditEntryView> list(String org, String action, Instant from, Instant to, PageRequest page) {
        Organization organization = organizations.require(org);
        StringBuilder query = new StringBuilder("organizationId = :organization");
        Parameters parameters = Parameters.with("organization", organization.id);
        if (action != null) {
            query.append(" and action = :action");
            parameters.and("action", action);
        }
        if (from != null) {
            query.append(" and occurredAt >= :from");
            parameters.and("from", from);
        }
        if (to != null) {
            query.append(" and occurredAt < :to");
            parameters.and("to", to);
        }
        var found = AuditEntry.<AuditEntry>find(query.toString(), Sort.descending("occurredAt", "id"), parameters);
        List<AuditEntryView> items = found.page(page.page(), page.size()).list().stream()
                .map(entry -> new AuditEntryView(entry.id, entry.actor, entry.credential, entry.action, entry.method, entry.target,
                        entry.status, entry.outcome, entry.occurredAt))
                .toList();
        return Page.of(items, page, found.count());
    }

    private static String truncate(String value, int length) {
        return value == null || value.length() <= length ? value : value.substring(0, length);
    }
}
