package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Action;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Reason;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.nexusconnect.testinfra.SharedInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.startsWith;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class WebhookRegistrationTest {
    static final CredentialSealer ADAPTER_SIDE =
            new CredentialSealer(KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId()));
    private static CapturedLogs logs;

    @BeforeAll
    static void captureLogs() {
        logs = CapturedLogs.install();
    }

    @AfterAll
    static void releaseLogs() {
        logs.uninstall();
    }

    @Test
    @DisplayName("An eBay connection created without a verification token gets a generated one, sealed and only shown "
            + "masked, and a register request (reason created) with the snapshot of the change is recorded")
    void creationRecordsARegisterRequestWithTheGeneratedSecret() {
        // given: the eBay form with the verification token left empty
        Map<String, String> form = MarketplaceForms.valid("ebay");
        form.remove("notificationVerificationToken");

        // when
        Response created = as("t-hooks").body(Map.of("marketplace", "ebay", "fields", form)).post("/api/connections");

        // then: the answer shows the token masked, the registration pending and the rotation schedule
        created.then().statusCode(201)
                .body("credentials.notificationVerificationToken", startsWith("****"))
                .body("webhookRegistration.state", equalTo("pending"))
                .body("webhookRegistration.lastRequest.reason", equalTo("created"))
                .body("webhookRegistration.lastRequest.answered", equalTo(false))
                .body("webhookRegistration.secret.field", equalTo("notificationVerificationToken"))
                .body("webhookRegistration.secret.managedByNexus", equalTo(true));
        UUID id = UUID.fromString(created.jsonPath().getString("id"));
        Instant createdAt = Instant.parse(created.jsonPath().getString("createdAt"));
        assertThat(Instant.parse(created.jsonPath().getString("webhookRegistration.secret.nextRotationAt")))
                .isEqualTo(createdAt.plus(Duration.ofDays(90)));

        // and: the request on nexus.webhook-registrations.v1 carries the snapshot the change published
        ConsumerRecord<String, String> record = Fixtures.awaitRecords(Topics.WEBHOOK_REGISTRATIONS, id.toString(), 1).getFirst();
        assertThat(Fixtures.header(record, CloudEvents.TYPE)).isEqualTo(WebhookRegistrationRequested.TYPE);
        assertThat(EventSchemas.strictViolations(WebhookRegistrationRequested.TYPE, record.value())).isEmpty();
        WebhookRegistrationRequested request = Json.read(record.value(), WebhookRegistrationRequested.class);
        assertThat(request.action()).isEqualTo(Action.REGISTER);
        assertThat(request.reason()).isEqualTo(Reason.CREATED);
        assertThat(request.tenantId()).isEqualTo("t-hooks");
        assertThat(request.marketplace()).isEqualTo(Marketplace.EBAY);
        assertThat(created.jsonPath().getString("webhookRegistration.lastRequest.requestId"))
                .isEqualTo(request.requestId().toString());
        assertThat(request.connection()).isEqualTo(snapshot(id, created.jsonPath().getLong("version")));
        Map<String, String> opened = ADAPTER_SIDE.open(id.toString(), request.connection().credentials());
        String token = opened.get("notificationVerificationToken");
        assertThat(token).matches("[A-Za-z0-9_-]{43}");
        assertThat(opened).containsEntry("appId", form.get("appId")).containsEntry("certId", form.get("certId"));

        // and: the token appears in no answer and no log line
        String card = as("t-hooks").get("/api/connections/" + id).asString();
        String cards = as("t-hooks").get("/api/connections").asString();
        assertThat(created.asString() + card + cards).doesNotContain(token).doesNotContain(form.get("certId"));
        assertThat(logs.text()).doesNotContain(token);
    }

    @Test
    @DisplayName("Marketplaces nexus does not register webhooks with record no request, show not-supported, and a "
            + "manual register is a 409 problem; a manual register of eBay records reason requested")
    void registrationOnlyWhereTheMarketplaceRegisters() {
        UUID amazon = Fixtures.createConnection("t-hooks");
        as("t-hooks").get("/api/connections/" + amazon).then().statusCode(200)
                .body("webhookRegistration.state", equalTo("not-supported"))
                .body("webhookRegistration.secret", equalTo(null));
        as("t-hooks").post("/api/connections/" + amazon + "/webhooks/register").then().statusCode(409)
                .contentType("application/problem+json").body("detail", startsWith("Amazon has no webhooks"));

        UUID ebay = createConnection("t-hooks", "ebay");
        Response accepted = as("t-hooks").post("/api/connections/" + ebay + "/webhooks/register");
        accepted.then().statusCode(202).body("action", equalTo("register")).body("reason", equalTo("requested"));
        List<ConsumerRecord<String, String>> requests = Fixtures.awaitRecords(Topics.WEBHOOK_REGISTRATIONS, ebay.toString(), 2);
        WebhookRegistrationRequested manual = Json.read(requests.get(1).value(), WebhookRegistrationRequested.class);
        assertThat(manual.reason()).isEqualTo(Reason.REQUESTED);
        assertThat(manual.requestId().toString()).isEqualTo(accepted.jsonPath().getString("requestId"));
        assertThat(manual.connection()).isEqualTo(currentSnapshot("t-hooks", ebay));
        as("t-hooks").post("/api/connections/" + UUID.randomUUID() + "/webhooks/register").then().statusCode(404)
                .contentType("application/problem+json");
    }

    @Test
    @DisplayName("Removing a connection records an unregister request with the last snapshot, credentials still sealed, "
            + "and the compacted connections topic gets its tombstone")
    void removalRecordsUnregisterWithTheLastCredentials() {
        // given: a bol connection with its generated path token
        Map<String, String> form = MarketplaceForms.valid("bol");
        UUID id = UUID.fromString(as("t-hooks").body(Map.of("marketplace", "bol", "fields", form))
                .post("/api/connections").then().statusCode(201).extract().path("id"));
        ConnectionSnapshot last = currentSnapshot("t-hooks", id);

        // when
        as("t-hooks").delete("/api/connections/" + id).then().statusCode(204);

        // then
        List<ConsumerRecord<String, String>> requests = Fixtures.awaitRecords(Topics.WEBHOOK_REGISTRATIONS, id.toString(), 2);
        WebhookRegistrationRequested unregister = Json.read(requests.get(1).value(), WebhookRegistrationRequested.class);
        assertThat(unregister.action()).isEqualTo(Action.UNREGISTER);
        assertThat(unregister.reason()).isEqualTo(Reason.REMOVED);
        assertThat(unregister.connection()).isEqualTo(last);
        Map<String, String> opened = ADAPTER_SIDE.open(id.toString(), unregister.connection().credentials());
        assertThat(opened).containsEntry("clientId", form.get("clientId")).containsKey("webhookToken");
        List<ConsumerRecord<String, String>> connections = Fixtures.awaitRecords(Topics.CONNECTIONS, id.toString(), 2);
        assertThat(connections.getLast().value()).isNull();
        assertThat(logs.text()).doesNotContain(opened.get("webhookToken"));
    }

    @Test
    @DisplayName("The adapters' answers fill the Webhook Registration: registered with masked endpoints, then failed "
            + "with the error's resolution; stale answers, other tenants' answers and poison change nothing")
    void endpointsAnswersFillTheView() {
        UUID id = createConnection("t-hooks", "kaufland");
        WebhookRegistrationRequested request = Json.read(
                Fixtures.awaitRecords(Topics.WEBHOOK_REGISTRATIONS, id.toString(), 1).getFirst().value(),
                WebhookRegistrationRequested.class);
        String token = ADAPTER_SIDE.open(id.toString(), request.connection().credentials()).get("webhookToken");
        Instant t0 = Instant.now().truncatedTo(ChronoUnit.MICROS);
        String url = "https://hooks.example.com/api/webhooks/kaufland/" + id;

        // when: the adapter registered two subscriptions (one of them leaks the path token unmasked)
        KafkaTestClient.publish(Topics.WEBHOOK_ENDPOINTS, new WebhookEndpoints(id, "t-hooks", Marketplace.KAUFLAND,
                request.requestId(), WebhookEndpoints.State.REGISTERED, List.of(
                new WebhookEndpoints.Endpoint("order_unit_created", url + "/" + token, "sub-1", "active"),
                new WebhookEndpoints.Endpoint("order_unit_cancelled", url + "/****", "sub-2", "active")),
                null, null, t0));

        // then
        awaitState(id, "registered");
        Response view = as("t-hooks").get("/api/connections/" + id);
        view.then().body("webhookRegistration.endpoints.size()", equalTo(2))
                .body("webhookRegistration.endpoints[0].topic", equalTo("order_unit_created"))
                .body("webhookRegistration.endpoints[0].callbackUrl", equalTo(url + "/****"))
                .body("webhookRegistration.endpoints[0].status", equalTo("active"))
                .body("webhookRegistration.lastRequest.answered", equalTo(true))
                .body("webhookRegistration.updatedAt", equalTo(t0.toString()));
        assertThat(view.asString()).doesNotContain(token);

        // when: another tenant's answer, then poison, then a failure
        KafkaTestClient.publish(Topics.WEBHOOK_ENDPOINTS, new WebhookEndpoints(id, "t-other", Marketplace.KAUFLAND,
                UUID.randomUUID(), WebhookEndpoints.State.UNREGISTERED, List.of(), null, null, t0.plusSeconds(5)));
        KafkaTestClient.send(Topics.WEBHOOK_ENDPOINTS, id.toString(), "{\"connectionId\":\"" + id + "\",\"state\":\"lost\"}", null);
        KafkaTestClient.publish(Topics.WEBHOOK_ENDPOINTS, new WebhookEndpoints(id, "t-hooks", Marketplace.KAUFLAND,
                request.requestId(), WebhookEndpoints.State.FAILED, List.of(), ErrorCode.INVALID_CREDENTIALS,
                "401 from POST /v2/subscriptions", t0.plusSeconds(10)));

        // then: the failure is shown with the diagnostics' resolution, the poison is dead-lettered
        awaitState(id, "failed");
        ErrorCode code = ErrorCode.INVALID_CREDENTIALS;
        as("t-hooks").get("/api/connections/" + id).then()
                .body("webhookRegistration.error.code", equalTo(code.json()))
                .body("webhookRegistration.error.title", equalTo(code.title()))
                .body("webhookRegistration.error.resolution", equalTo(code.resolution()))
                .body("webhookRegistration.error.message", equalTo("401 from POST /v2/subscriptions"))
                .body("webhookRegistration.endpoints.size()", equalTo(0));
        assertThat(Fixtures.awaitRecords(Topics.dlq(Topics.WEBHOOK_ENDPOINTS), id.toString(), 1)).hasSize(1);

        // when: an answer older than the stored one arrives late
        KafkaTestClient.publish(Topics.WEBHOOK_ENDPOINTS, new WebhookEndpoints(id, "t-hooks", Marketplace.KAUFLAND,
                request.requestId(), WebhookEndpoints.State.REGISTERED, List.of(), null, null, t0.plusSeconds(1)));
        Fixtures.awaitConsumed("connection-service.webhook-endpoints", Topics.WEBHOOK_ENDPOINTS);

        // then: it changes nothing
        as("t-hooks").get("/api/connections/" + id).then().body("webhookRegistration.state", equalTo("failed"));
        assertThat(logs.text()).doesNotContain(token);
    }

    static UUID createConnection(String tenant, String marketplace) {
        return UUID.fromString(as(tenant).body(Map.of("marketplace", marketplace, "fields", MarketplaceForms.valid(marketplace)))
                .post("/api/connections").then().statusCode(201).extract().path("id"));
    }

    /** The snapshot of the connection the API reports now (its version), once it is on nexus.connections.v1. */
    static ConnectionSnapshot currentSnapshot(String tenant, UUID id) {
        long version = as(tenant).get("/api/connections/" + id).jsonPath().getLong("version");
        return snapshot(id, version);
    }

    static ConnectionSnapshot snapshot(UUID id, long version) {
        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(Topics.CONNECTIONS,
                read -> read.stream().anyMatch(r -> matches(r, id, version)), Duration.ofSeconds(60));
        return records.stream().filter(r -> matches(r, id, version))
                .map(r -> Json.read(r.value(), ConnectionSnapshot.class)).findFirst()
                .orElseThrow(() -> new AssertionError("no snapshot version " + version + " of " + id));
    }

    private static boolean matches(ConsumerRecord<String, String> record, UUID id, long version) {
        return id.toString().equals(record.key()) && record.value() != null
                && Json.read(record.value(), ConnectionSnapshot.class).version() == version;
    }

    private static void awaitState(UUID id, String state) {
        await().atMost(30, SECONDS).pollInterval(Duration.ofMillis(200)).until(() -> state.equals(
                as("t-hooks").get("/api/connections/" + id).jsonPath().getString("webhookRegistration.state")));
    }
}
