package io.nexusconnect.contracts;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncEvent;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

import java.util.List;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class EventSchemaContractTest {

    static Stream<NexusEvent> events() {
        return Samples.all().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    @DisplayName("Every event, fully populated, conforms to the JSON Schema named by its ce_type")
    void conformsToItsSchema(NexusEvent event) {
        String json = Json.write(event);

        assertThat(EventSchemas.violations(event.eventType(), json)).as(json).isEmpty();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("events")
    @DisplayName("Every event reads back equal to what was written")
    void roundTrips(NexusEvent event) {
        Class<?> type = event instanceof SyncEvent ? SyncEvent.class : event.getClass();

        Object back = Json.read(Json.write(event), type);

        assertThat(back).isEqualTo(event);
    }

    @Test
    @DisplayName("A field the schema does not know is an incompatible change and is rejected")
    void unknownFieldIsRejected() throws Exception {
        NexusEvent completed = Samples.all().stream().filter(e -> e instanceof SyncCompleted).findFirst().orElseThrow();
        ObjectNode json = (ObjectNode) Json.mapper().readTree(Json.write(completed));
        json.put("surprise", 1);

        assertThat(EventSchemas.violations(SyncCompleted.TYPE, json.toString())).isNotEmpty();
    }

    @Test
    @DisplayName("A snapshot written before tenant policies existed still conforms and reads back with no policy")
    void snapshotWithoutPolicyStillReads() throws Exception {
        ObjectNode json = (ObjectNode) Json.mapper().readTree(Json.write(Samples.snapshot()));
        json.remove("policy");

        assertThat(EventSchemas.violations(ConnectionSnapshot.TYPE, json.toString())).isEmpty();
        assertThat(Json.read(json.toString(), ConnectionSnapshot.class).policy()).isNull();
    }

    @Test
    @DisplayName("A missing required field and a float amount are both rejected")
    void missingFieldAndFloatMoneyRejected() throws Exception {
        NexusEvent order = Samples.all().stream().filter(e -> e.eventType().equals("io.nexusconnect.order.v1")).findFirst().orElseThrow();
        ObjectNode json = (ObjectNode) Json.mapper().readTree(Json.write(order));
        json.remove("externalId");
        ((ObjectNode) json.get("total")).put("amount", 44.97);

        assertThat(EventSchemas.violations(order.eventType(), json.toString())).hasSizeGreaterThanOrEqualTo(2);
    }

    @Test
    @DisplayName("Sync events carry their kind, so one topic holds all three and each reads back as its own type")
    void syncEventsArePolymorphic() {
        List<String> kinds = Samples.all().stream().filter(e -> e instanceof SyncEvent)
                .map(e -> Json.read(Json.write(e), SyncEvent.class))
                .map(e -> switch (e) {
                    case io.nexusconnect.contracts.sync.SyncStarted s -> "started";
                    case io.nexusconnect.contracts.sync.SyncProgress p -> "progress";
                    case SyncCompleted c -> "completed";
                })
                .toList();

        assertThat(kinds).containsExactly("started", "progress", "completed");
    }

    @Test
    @DisplayName("A payload that is not an event fails with a readable reason instead of a Jackson stack")
    void malformedPayload() {
        assertThatThrownBy(() -> Json.read("{\"kind\":\"exploded\"}", SyncEvent.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("SyncEvent");
    }

    @Test
    @DisplayName("A webhook's raw body, even bytes that are not UTF-8, survives the JSON round trip byte for byte")
    void webhookBodyKeepsItsExactBytes() {
        byte[] raw = {'{', '"', 'a', '"', ':', (byte) 0xC3, (byte) 0x28, (byte) 0xFF, '}', '\r', '\n'};
        io.nexusconnect.contracts.webhook.WebhookReceived sent = io.nexusconnect.contracts.webhook.WebhookReceived.of(
                java.util.UUID.randomUUID(), Marketplace.EBAY, Samples.CONNECTION, "tenant-a", "ORDER_CONFIRMATION",
                "n-1", Samples.T, java.util.Map.of(), "application/json", raw, "ebay-ecdsa", true);

        io.nexusconnect.contracts.webhook.WebhookReceived back =
                Json.read(Json.write(sent), io.nexusconnect.contracts.webhook.WebhookReceived.class);

        assertThat(back.bodyBytes()).isEqualTo(raw);
        assertThat(back.paused()).isTrue();
    }
}
