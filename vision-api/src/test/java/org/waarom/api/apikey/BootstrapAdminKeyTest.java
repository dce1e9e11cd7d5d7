package org.waarom.api.apikey;

import io.agroal.api.AgroalDataSource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.waarom.api.apikey.service.BootstrapAdminKey;
import org.waarom.api.security.TestKeys;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.MessageDigest;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.hamcrest.Matchers.contains;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;
import static org.waarom.api.ApiTestSupport.PLATFORM_ADMIN_KEY;
import static org.waarom.api.ApiTestSupport.as;

/**
 * The first key (docs/getting-started.md, deploy/README.md#configuration-environment): WAAROM_BOOTSTRAP_ADMIN_KEY
 * is ensured as a platform-admin key;
 * without it, a first start with no keys at all writes a generated one to
 * {@code <data dir>/bootstrap-admin.key}, readable by its owner only.
 */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class BootstrapAdminKeyTest {

    @Inject
    BootstrapAdminKey bootstrap;

    @Inject
    AgroalDataSource dataSource;

    private Path dataDirectory;

    @AfterEach
    void restoreTheConfiguredKey() throws IOException {
        // Whatever a test did to the keys, the rest of the suite authenticates with the configured one.
        bootstrap.ensure(Optional.of(PLATFORM_ADMIN_KEY), Path.of("unused"));
        if (dataDirectory != null) {
            try (Stream<Path> files = Files.walk(dataDirectory)) {
                for (Path file : files.sorted(Comparator.reverseOrder()).toList()) {
                    Files.delete(file);
                }
            }
        }
    }

    /**
     * Replicas start together and each ensures the configured key: they must not both insert it (the second start would
     * fail on the unique key hash and the replica exit). Found by ApiReplicasEndToEndTest on a busy machine.
     */
    @Test
    void replicasEnsuringTheSameKeyAtOnceAllStart() throws Exception {
        ExecutorService replicas = Executors.newFixedThreadPool(4);
        try {
            for (int round = 0; round < 10; round++) {
                String key = "wrm_replicas-start-together-" + round + "-0123456789";
                CyclicBarrier together = new CyclicBarrier(4);
                List<Future<Optional<Path>>> starts = new ArrayList<>();
                for (int replica = 0; replica < 4; replica++) {
                    starts.add(replicas.submit(() -> {
                        together.await();
                        return bootstrap.ensure(Optional.of(key), Path.of("unused"));
                    }));
                }
                for (Future<Optional<Path>> start : starts) {
                    assertThat(start.get(30, TimeUnit.SECONDS)).isEmpty();
                }
                assertThat(count("select count(*) from api_key where key_hash = '" + sha256(key) + "'")).as("round " + round).isEqualTo(1);
            }
        } finally {
            replicas.shutdownNow();
        }
    }

    @Test
    void theConfiguredKeyIsAPlatformAdminKeyStoredOnceAndHashed() throws Exception {
        as(PLATFORM_ADMIN_KEY).get("/api/v1/me").then().statusCode(200)
                .body("name", equalTo("bootstrap-admin"))
                .body("credential", startsWith("key:"))
                .body("platformRoles", contains("platform-admin"));
        String slug = "boot-" + System.nanoTime() % 1_000_000;
        as(PLATFORM_ADMIN_KEY).contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Boot"))
                .post("/api/v1/organizations").then().statusCode(201);

        // Ensuring it again (every start does) neither duplicates nor changes it.
        bootstrap.ensure(Optional.of(PLATFORM_ADMIN_KEY), Path.of("unused"));
        assertThat(count("select count(*) from api_key where key_hash = '" + sha256(PLATFORM_ADMIN_KEY)
                + "' and organization_id is null and roles = 'platform-admin' and revoked_at is null")).isEqualTo(1);
        assertThat(count("select count(*) from api_key where key_hash = '" + PLATFORM_ADMIN_KEY + "'")).isZero();
    }

    @Test
    void theConfiguredKeyIsReEnabledAtStartWhenItWasRevoked() {
        TestKeys.IssuedKey operator = TestKeys.platformKey("platform-admin");
        long id = Long.parseLong(as(PLATFORM_ADMIN_KEY).get("/api/v1/me").<String>path("credential").substring("key:".length()));
        as(operator.key()).delete("/api/v1/api-keys/" + id).then().statusCode(204);
        as(PLATFORM_ADMIN_KEY).get("/api/v1/me").then().statusCode(401);

        assertThat(bootstrap.ensure(Optional.of(PLATFORM_ADMIN_KEY), Path.of("unused"))).isEmpty();

        as(PLATFORM_ADMIN_KEY).get("/api/v1/me").then().statusCode(200).body("platformRoles", contains("platform-admin"));
    }

    @Test
    void withoutTheVariableAFirstStartWritesAWorkingKeyReadableByItsOwnerOnly() throws Exception {
        dataDirectory = Files.createTempDirectory("waarom-bootstrap");
        Path nested = dataDirectory.resolve("data").resolve("vision-api");
        execute("delete from api_key"); // a first start: no keys at all

        Optional<Path> written = bootstrap.ensure(Optional.empty(), nested);

        Path file = nested.resolve("bootstrap-admin.key");
        assertThat(written).contains(file);
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(file))).isEqualTo("rw-------");
        String key = Files.readString(file, StandardCharsets.UTF_8).strip();
        assertThat(key).startsWith("wrm_").hasSizeGreaterThanOrEqualTo(4 + 43);
        assertThat(count("select count(*) from api_key")).isEqualTo(1);
        assertThat(count("select count(*) from api_key where key_hash = '" + sha256(key) + "'")).isEqualTo(1);

        as(key).get("/api/v1/me").then().statusCode(200).body("platformRoles", contains("platform-admin"));
        String slug = "first-" + System.nanoTime() % 1_000_000;
        as(key).contentType(ContentType.JSON).body(Map.of("slug", slug, "name", "Eerste"))
                .post("/api/v1/organizations").then().statusCode(201);
    }

    @Test
    void withoutTheVariableAndWithKeysNothingIsGenerated() throws Exception {
        dataDirectory = Files.createTempDirectory("waarom-bootstrap");
        long keys = count("select count(*) from api_key");
        assertThat(keys).isPositive();

        assertThat(bootstrap.ensure(Optional.empty(), dataDirectory)).isEmpty();
        assertThat(bootstrap.ensure(Optional.of("  "), dataDirectory)).isEmpty();

        assertThat(dataDirectory.resolve("bootstrap-admin.key")).doesNotExist();
        assertThat(count("select count(*) from api_key")).isEqualTo(keys);
    }

    @Test
    void aTooShortOrSpacedConfiguredKeyIsRefusedWithoutBeingRepeated() throws Exception {
        long keys = count("select count(*) from api_key");
        for (String weak : new String[]{"wrm_short", "wrm_0123456789abcdefghi", "wrm_with a space 0123456789abcdef"}) {
            assertThatThrownBy(() -> bootstrap.ensure(Optional.of(weak), Path.of("unused")))
                    .as(weak)
                    .isInstanceOf(IllegalStateException.class)
                    .hasMessageContaining("WAAROM_BOOTSTRAP_ADMIN_KEY must be at least 24 characters")
                    .hasMessageNotContaining(weak);
            as(weak).get("/api/v1/me").then().statusCode(401);
        }
        assertThat(count("select count(*) from api_key")).isEqualTo(keys);
        // Exactly the minimum is enough.
        String minimal = "wrm_" + "x".repeat(19) + System.nanoTime() % 10;
        assertThat(minimal).hasSize(24);
        bootstrap.ensure(Optional.of(minimal), Path.of("unused"));
        as(minimal).get("/api/v1/me").then().statusCode(200).body("platformRoles", contains("platform-admin"));
        execute("delete from api_key where key_hash = '" + sha256(minimal) + "'");
    }

    private long count(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); PreparedStatement statement = connection.prepareStatement(sql);
             ResultSet result = statement.executeQuery()) {
            result.next();
            return result.getLong(1);
        }
    }

    private void execute(String sql) throws SQLException {
        try (Connection connection = dataSource.getConnection(); Statement statement = connection.createStatement()) {
            statement.executeUpdate(sql);
        }
    }

    private static String sha256(String key) throws Exception {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(key.getBytes(StandardCharsets.UTF_8)));
    }
}
