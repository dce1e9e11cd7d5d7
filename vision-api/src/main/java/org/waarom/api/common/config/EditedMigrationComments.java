package org.waarom.api.common.config;

import io.quarkus.flyway.FlywayConfigurationCustomizer;
import jakarta.inject.Singleton;
import org.flywaydb.core.api.FlywayException;
import org.flywaydb.core.api.callback.BaseCallback;
import org.flywaydb.core.api.callback.Callback;
import org.flywaydb.core.api.callback.Context;
import org.flywaydb.core.api.callback.Event;
import org.flywaydb.core.api.configuration.FluentConfiguration;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/**
 * Keeps a database that was migrated before a comment-only correction of an applied migration valid. Flyway compares
 * the checksum of every applied migration, comments included, with the file; the comments of V10 and V13 were corrected
 * after release (they cited a document outside the repository, and V13 described reads that closed rounds). Before
 * Flyway validates, the checksum recorded for exactly those files' earlier text is replaced by the current one. Any
 * other difference, in those files or in any other, still fails validation as it should. A migration's SQL is never
 * changed this way: an edit of a statement needs a new migration.
 */
@Singleton
public class EditedMigrationComments implements FlywayConfigurationCustomizer {

    /** A comment-only edit of an applied migration: its version, and its checksum before and after. */
    public record Edit(String version, int before, int after) {
    }

    public static final List<Edit> EDITS = List.of(
            new Edit("10", -883373688, -692130862),
            new Edit("13", 1102369443, -339680850));

    @Override
    public void customize(FluentConfiguration configuration) {
        List<Callback> callbacks = new ArrayList<>(Arrays.asList(configuration.getCallbacks()));
        callbacks.add(new RecordCurrentChecksums());
        configuration.callbacks(callbacks.toArray(Callback[]::new));
    }

    private static final class RecordCurrentChecksums extends BaseCallback {

        @Override
        public boolean supports(Event event, Context context) {
            return event == Event.BEFORE_VALIDATE;
        }

        @Override
        public void handle(Event event, Context context) {
            String table = context.getConfiguration().getTable();
            Connection connection = context.getConnection();
            try {
                try (PreparedStatement exists = connection.prepareStatement("select to_regclass(?) is not null")) {
                    exists.setString(1, table);
                    try (ResultSet result = exists.executeQuery()) {
                        if (!result.next() || !result.getBoolean(1)) {
                            return; // a new database: nothing applied yet
                        }
                    }
                }
                try (PreparedStatement update = connection.prepareStatement(
                        "update \"" + table.replace("\"", "\"\"") + "\" set checksum = ? where version = ? and checksum = ?")) {
                    for (Edit edit : EDITS) {
                        update.setInt(1, edit.after());
                        update.setString(2, edit.version());
                        update.setInt(3, edit.before());
                        update.executeUpdate();
                    }
                }
            } catch (SQLException e) {
                throw new FlywayException("Could not record the current checksums of migrations whose comments were corrected", e);
            }
        }
    }
}
