package org.waarom.api.webhook.service;

import io.agroal.api.AgroalDataSource;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduler;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import org.junit.jupiter.api.Test;
import org.waarom.embedded.EmbeddedPostgresTestResource;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.time.Duration;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.waarom.api.ApiTestSupport.asAdmin;
import static org.waarom.api.ApiTestSupport.newOrganization;

/** Replicas share the webhooks through the database: one that another replica holds is passed over, not waited for nor taken too. */
@QuarkusTest
@QuarkusTestResource(EmbeddedPostgresTestResource.class)
class WebhookClaimTest {

    @Inject
    AgroalDataSource dataSource;

    @Inject
    WebhookDeliveryJob job;

    @Inject
    Scheduler scheduler;

    @Test
    void aWebhookLockedByAnotherReplicaIsPassedOver() throws Exception {
        String org = newOrganization("hooks-locked");
        String webhooks = "/api/v1/organizations/" + org + "/webhooks";
        long id = asAdmin().contentType(ContentType.JSON).body(Map.of("url", "https://hr.zorg-a.example/hooks", "events", List.of("*")))
                .post(webhooks).then().statusCode(201).extract().jsonPath().getLong("id");
        scheduler.pause("webhook-delivery");
        try (Connection replica = dataSource.getConnection()) {
            replica.setAutoCommit(false);
            try (PreparedStatement lock = replica.prepareStatement("select id from webhook where id = ? for update")) {
                lock.setLong(1, id);
                lock.executeQuery().close();
            }
            // Another replica holds it (between its claim and its commit): this one goes on without it, at once
            // (a claim that waited for the lock instead would not finish before the commit below).
            Set<Long> claimedMeanwhile = CompletableFuture.supplyAsync(this::claimedInOnePass).get(10, TimeUnit.SECONDS);
            assertThat(claimedMeanwhile).doesNotContain(id);
            replica.commit();
            // Released: now this replica takes it up (it has nothing to send yet, so it is left as it was).
            await().atMost(Duration.ofSeconds(10)).until(() -> claimedInOnePass().contains(id));
        } finally {
            scheduler.resume("webhook-delivery");
            asAdmin().delete(webhooks + "/" + id).then().statusCode(204);
        }
    }

    /** The webhooks one pass of the delivery job would take up, each in its own claiming transaction. */
    private Set<Long> claimedInOnePass() {
        Set<Long> passed = new HashSet<>(Set.of(0L));
        while (true) {
            Optional<WebhookDeliveryJob.Claim> claim = QuarkusTransaction.requiringNew().call(() -> job.claimNext(passed));
            if (claim.isEmpty()) {
                return passed;
            }
            assertThat(claim.get().event()).as("no events in these tests' organisations are waiting").isNull();
            passed.add(claim.get().webhookId());
        }
    }
}
