package org.waarom.api.apikey.service;

import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.jboss.logging.Logger;
import org.waarom.api.VisionApiMain;
import org.waarom.api.common.config.WaaromConfig;
import org.waarom.embedded.DatabaseStartup;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.Optional;

/**
 * The first key, as Keycloak does with its first admin: {@code WAAROM_BOOTSTRAP_ADMIN_KEY} is
 * ensured as a platform-admin key at every start. Without it, a first start (no keys at all)
 * generates one and writes it, readable by the owner only, to
 * {@code <WAAROM_DATA_DIR>/bootstrap-admin.key}; the log names the file, never the key.
 */
@ApplicationScoped
public class BootstrapAdminKey {

    public static final String FILE_NAME = "bootstrap-admin.key";
    /** Shorter keys are refused: a bootstrap key is as powerful as a key gets. */
    static final int MINIMUM_LENGTH = 24;
    private static final Logger LOG = Logger.getLogger(BootstrapAdminKey.class);

    private final ApiKeyService apiKeys;
    private final WaaromConfig config;

    BootstrapAdminKey(ApiKeyService apiKeys, WaaromConfig config) {
        this.apiKeys = apiKeys;
        this.config = config;
    }

    // Before the demo loader and anything else that might act on the data.
    void onStart(@Observes @Priority(1) StartupEvent event) {
        ensure(config.bootstrapAdminKey(), DatabaseStartup.dataDirectory(VisionApiMain.SERVICE_NAME));
    }

    /** Ensures the configured key, or writes a new one into {@code dataDirectory} if there are no keys at all; returns the file written, if any. */
    public Optional<Path> ensure(Optional<String> configured, Path dataDirectory) {
        if (configured.isPresent() && !configured.get().isBlank()) {
            String key = configured.get().strip();
            if (key.length() < MINIMUM_LENGTH || key.chars().anyMatch(Character::isWhitespace)) {
                throw new IllegalStateException("WAAROM_BOOTSTRAP_ADMIN_KEY must be at least " + MINIMUM_LENGTH + " characters without spaces");
            }
            apiKeys.ensurePlatformAdminKey(key);
            LOG.info("The platform-admin key from WAAROM_BOOTSTRAP_ADMIN_KEY is in place");
            return Optional.empty();
        }
        return apiKeys.createFirstPlatformAdminKey().map(key -> {
            Path file = write(dataDirectory.resolve(FILE_NAME), key);
            LOG.infof("No API keys existed: a platform-admin key was generated and written to %s (readable by its owner only). "
                    + "Use it as 'Authorization: Bearer <key>' to create organisations and their keys.", file.toAbsolutePath());
            return file;
        });
    }

    private static Path write(Path file, String key) {
        try {
            Files.createDirectories(file.getParent());
            Files.deleteIfExists(file);
            if (FileSystems.getDefault().supportedFileAttributeViews().contains("posix")) {
                Files.createFile(file, PosixFilePermissions.asFileAttribute(PosixFilePermissions.fromString("rw-------")));
            } else {
                Files.createFile(file);
            }
            Files.writeString(file, key + System.lineSeparator(), StandardCharsets.UTF_8, StandardOpenOption.TRUNCATE_EXISTING);
            return file;
        } catch (IOException e) {
            throw new UncheckedIOException("Could not write the bootstrap admin key to " + file, e);
        }
    }
}
