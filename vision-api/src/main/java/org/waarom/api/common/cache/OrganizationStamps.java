package org.waarom.api.common.cache;

import io.agroal.api.AgroalDataSource;
import jakarta.enterprise.context.ApplicationScoped;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.OptionalLong;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * The change stamp of an organisation (table {@code organization_stamp}, migration V12): a number
 * the database raises in the commit of every transaction that wrote an event of the organisation,
 * which is every change of what its reads serve. Two reads that saw the same stamp saw the same
 * committed state, whichever replica wrote it.
 *
 * <p>Read with one small query on a pooled connection (no Hibernate session, no transaction), shared
 * by concurrent requests through {@link CoalescedLookup}: the stamp a request gets is from a query
 * that started after the request arrived, so it covers every change committed before then.
 */
@ApplicationScoped
public class OrganizationStamps {

    private static final String QUERY = "select coalesce(s.stamp, 0) from organization o"
            + " left join organization_stamp s on s.organization_id = o.id where o.slug = ?";

    private final AgroalDataSource dataSource;
    private final RequestStamps requestStamps;
    private final CoalescedLookup<String, OptionalLong> lookup;

    OrganizationStamps(AgroalDataSource dataSource, RequestStamps requestStamps, LookupExecutor executor) {
        this.dataSource = dataSource;
        this.requestStamps = requestStamps;
        this.lookup = new CoalescedLookup<>(this::query, executor);
    }

    /**
     * The organisation's stamp as committed when the current request arrived, or later: the one this
     * request read already (with its API key), else from a query; empty when there is no such
     * organisation. Call it inside a request.
     */
    public CompletionStage<OptionalLong> current(String organization) {
        OptionalLong seen = requestStamps.of(organization);
        return seen.isPresent() ? CompletableFuture.completedFuture(seen) : lookup.get(organization);
    }

    private OptionalLong query(String organization) {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(QUERY)) {
            statement.setString(1, organization);
            try (ResultSet row = statement.executeQuery()) {
                return row.next() ? OptionalLong.of(row.getLong(1)) : OptionalLong.empty();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("The change stamp of organisation '" + organization + "' could not be read", e);
        }
    }
}
