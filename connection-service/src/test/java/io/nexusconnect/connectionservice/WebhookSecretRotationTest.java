package io.nexusconnect.connectionservice;

import io.nexusconnect.connectionservice.webhook.SecretRotations;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Reason;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static io.nexusconnect.connectionservice.WebhookRegistrationTest.ADAPTER_SIDE;
import static io.nexusconnect.connectionservice.WebhookRegistrationTest.snapshot;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class WebhookSecretRotationTest {
    private static final String TENANT = "t-rotation";
    private static CapturedLogs logs;

    @Inject
    SecretRotations rotations;
    @Inject
    TestClock clock;

    @BeforeAll
    static void captureLogs() {
        logs = CapturedLogs.install();
    }

    @AfterAll
    static void releaseLogs() {
        logs.uninstall();
    }

    @AfterEach
    void backToNow() {
        clock.reset();
    }

    @Test
    @DisplayName("On the tenant's schedule a Kaufland path token is replaced, the old one verifies as webhookTokenPrevious "
            + "for the overlap and a secret-rotated registration is recorded; after the overlap it is dropped; nothing "
            + "else changes")
    void rotationOnTheTenantSchedule() {
        // given: a one-day rotation and a connection whose path token nexus generated
        as(TENANT).body(Map.of("webhookSecretRotation", "P1D")).put("/api/settings").then().statusCode(200);
        Response created = as(TENANT).body(Map.of("marketplace", "kaufland", "fields", MarketplaceForms.valid("kaufland")))
                .post("/api/connections");
        created.then().statusCode(201);
        UUID id = UUID.fromString(created.jsonPath().getString("id"));
        ConnectionSnapshot first = snapshot(id, created.jsonPath().getLong("version"));
        Map<String, String> before = ADAPTER_SIDE.open(id.toString(), first.credentials());
        String oldToken = before.get("webhookToken");

        // when: a day and a minute later the sweep runs
        Instant dayLater = clock.advance(Duration.ofDays(1).plusMinutes(1));
        assertThat(rotations.runDue().await().atMost(Duration.ofSeconds(60))).isPositive();

        // then: a new token, the old one kept for the overlap, everything else as it was
        Response rotated = as(TENANT).get("/api/connections/" + id);
        ConnectionSnapshot second = snapshot(id, rotated.jsonPath().getLong("version"));
        Map<String, String> during = ADAPTER_SIDE.open(id.toString(), second.credentials());
        String newToken = during.get("webhookToken");
        assertThat(newToken).matches("[A-Za-z0-9_-]{43}").isNotEqualTo(oldToken);
        assertThat(during).containsEntry("webhookTokenPrevious", oldToken);
        assertThat(withoutTokens(during)).isEqualTo(withoutTokens(before));
        assertThat(second.properties()).isEqualTo(first.properties());
        assertThat(second.settings()).isEqualTo(first.settings());
        assertThat(second.label()).isEqualTo(first.label());
        Instant rotatedAt = Instant.parse(rotated.jsonPath().getString("webhookRegistration.secret.rotatedAt"));
        assertThat(rotatedAt).isBetween(dayLater, dayLater.plusSeconds(30));
        assertThat(Instant.parse(rotated.jsonPath().getString("webhookRegistration.secret.overlapUntil")))
                .isEqualTo(rotatedAt.plus(Duration.ofHours(1)));
        assertThat(Instant.parse(rotated.jsonPath().getString("webhookRegistration.secret.nextRotationAt")))
                .isEqualTo(rotatedAt.plus(Duration.ofDays(1)));
        assertThat(rotated.jsonPath().getMap("credentials")).containsOnlyKeys("clientKey", "secretKey", "webhookToken")
                .containsEntry("webhookToken", "****" + newToken.substring(newToken.length() - 4));
        List<WebhookRegistrationRequested> requests = requests(id, 2);
        assertThat(requests.get(1).reason()).isEqualTo(Reason.SECRET_ROTATED);
        assertThat(requests.get(1).connection()).isEqualTo(second);

        // when: the sweep runs again within the overlap
        rotations.runDue().await().atMost(Duration.ofSeconds(60));
        // then: nothing is due
        as(TENANT).get("/api/connections/" + id).then().body("version", equalTo(rotated.jsonPath().getInt("version")));

        // when: the overlap is over
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        rotations.runDue().await().atMost(Duration.ofSeconds(60));

        // then: only the new token verifies; no registration was needed for that
        Response after = as(TENANT).get("/api/connections/" + id);
        after.then().body("webhookRegistration.secret.overlapUntil", equalTo(null));
        ConnectionSnapshot third = snapshot(id, after.jsonPath().getLong("version"));
        Map<String, String> ended = ADAPTER_SIDE.open(id.toString(), third.credentials());
        assertThat(ended).containsEntry("webhookToken", newToken).doesNotContainKey("webhookTokenPrevious");
        assertThat(withoutTokens(ended)).isEqualTo(withoutTokens(before));
        assertThat(requests(id, 2)).hasSize(2);
        assertThat(created.asString() + rotated.asString() + after.asString()).doesNotContain(oldToken).doesNotContain(newToken);
        assertThat(logs.text()).doesNotContain(oldToken).doesNotContain(newToken);
    }

    @Test
    @DisplayName("Rotate now replaces Walmart's generated HMAC secret at once with the overlap; Edit Credentials that "
            + "leaves it empty keeps it; Shopify's secret is not nexus' to rotate (409)")
    void rotateNowAndEditKeepTheGeneratedSecret() {
        Map<String, String> form = MarketplaceForms.valid("walmart");
        Response created = as(TENANT).body(Map.of("marketplace", "walmart", "fields", form)).post("/api/connections");
        UUID id = UUID.fromString(created.jsonPath().getString("id"));
        String generated = ADAPTER_SIDE.open(id.toString(),
                snapshot(id, created.jsonPath().getLong("version")).credentials()).get("webhookSecret");

        // when: Edit Credentials with the form as the seller sees it (the secret is never shown, so left empty)
        Response edited = as(TENANT).body(Map.of("fields", form)).put("/api/connections/" + id + "/credentials");
        edited.then().statusCode(200).body("webhookRegistration.lastRequest.reason", equalTo("credentials-changed"));
        // then: the generated secret stays, nothing overlaps
        assertThat(ADAPTER_SIDE.open(id.toString(), snapshot(id, edited.jsonPath().getLong("version")).credentials()))
                .containsEntry("webhookSecret", generated).doesNotContainKey("webhookSecretPrevious");

        // when: rotate now
        Response rotated = as(TENANT).post("/api/connections/" + id + "/webhooks/rotate-secret");
        rotated.then().statusCode(200).body("webhookRegistration.lastRequest.reason", equalTo("secret-rotated"));
        Map<String, String> opened = ADAPTER_SIDE.open(id.toString(),
                snapshot(id, rotated.jsonPath().getLong("version")).credentials());
        assertThat(opened.get("webhookSecret")).isNotEqualTo(generated);
        assertThat(opened).containsEntry("webhookSecretPrevious", generated).containsEntry("clientSecret", form.get("clientSecret"));
        Instant rotatedAt = Instant.parse(rotated.jsonPath().getString("webhookRegistration.secret.rotatedAt"));
        assertThat(Instant.parse(rotated.jsonPath().getString("webhookRegistration.secret.overlapUntil")))
                .isEqualTo(rotatedAt.plus(Duration.ofHours(1)));
        assertThat(requests(id, 3)).extracting(WebhookRegistrationRequested::reason)
                .containsExactly(Reason.CREATED, Reason.CREDENTIALS_CHANGED, Reason.SECRET_ROTATED);

        UUID shopify = WebhookRegistrationTest.createConnection(TENANT, "shopify");
        as(TENANT).post("/api/connections/" + shopify + "/webhooks/rotate-secret").then().statusCode(409)
                .contentType("application/problem+json").body("detail", startsWith("Shopify signs its webhooks with apiSecretKey"));
        assertThat(logs.text()).doesNotContain(generated).doesNotContain(opened.get("webhookSecret"));
    }

    @Test
    @DisplayName("A new Shopify API secret key keeps the old one as apiSecretKeyPrevious for Shopify's hour, then the "
            + "sweep drops it")
    void shopifyKeyEditKeepsTheOldKeyForAnHour() {
        Map<String, String> form = MarketplaceForms.valid("shopify");
        UUID id = UUID.fromString(as(TENANT).body(Map.of("marketplace", "shopify", "fields", form))
                .post("/api/connections").then().statusCode(201).extract().path("id"));
        String oldKey = form.get("apiSecretKey");

        // when: the seller rotated the key at Shopify and enters the new one
        form.put("apiSecretKey", "shpss_" + MarketplaceForms.hex(32));
        Response edited = as(TENANT).body(Map.of("fields", form)).put("/api/connections/" + id + "/credentials");

        // then: both keys verify for an hour
        edited.then().statusCode(200).body("webhookRegistration.secret.field", equalTo("apiSecretKey"))
                .body("webhookRegistration.secret.managedByNexus", equalTo(false))
                .body("webhookRegistration.secret.nextRotationAt", equalTo(null));
        Instant updatedAt = Instant.parse(edited.jsonPath().getString("updatedAt"));
        assertThat(Instant.parse(edited.jsonPath().getString("webhookRegistration.secret.overlapUntil")))
                .isEqualTo(updatedAt.plus(Duration.ofHours(1)));
        assertThat(ADAPTER_SIDE.open(id.toString(), snapshot(id, edited.jsonPath().getLong("version")).credentials()))
                .containsEntry("apiSecretKey", form.get("apiSecretKey")).containsEntry("apiSecretKeyPrevious", oldKey);
        assertThat(requests(id, 2).get(1).reason()).isEqualTo(Reason.CREDENTIALS_CHANGED);

        // when: the hour is over
        clock.advance(Duration.ofHours(1).plusMinutes(1));
        rotations.runDue().await().atMost(Duration.ofSeconds(60));

        // then
        Response after = as(TENANT).get("/api/connections/" + id);
        assertThat(ADAPTER_SIDE.open(id.toString(), snapshot(id, after.jsonPath().getLong("version")).credentials()))
                .containsEntry("apiSecretKey", form.get("apiSecretKey")).doesNotContainKey("apiSecretKeyPrevious");
        assertThat(edited.asString() + after.asString()).doesNotContain(oldKey).doesNotContain(form.get("apiSecretKey"));
    }

    private static Map<String, String> withoutTokens(Map<String, String> credentials) {
        Map<String, String> rest = new HashMap<>(credentials);
        rest.remove("webhookToken");
        rest.remove("webhookTokenPrevious");
        return rest;
    }

    private static List<WebhookRegistrationRequested> requests(UUID id, int atLeast) {
        return Fixtures.awaitRecords(Topics.WEBHOOK_REGISTRATIONS, id.toString(), atLeast).stream()
                .map(r -> Json.read(r.value(), WebhookRegistrationRequested.class)).toList();
    }

}
