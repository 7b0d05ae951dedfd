package io.nexusconnect.gateway.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.gateway.config.GatewayRuntime;
import io.nexusconnect.testinfra.SharedInfra;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.AlterConfigOp;
import org.apache.kafka.clients.admin.ConfigEntry;
import org.apache.kafka.common.config.ConfigResource;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.hamcrest.Matchers.anyOf;
import static org.hamcrest.Matchers.equalTo;

/**
 * The broker refuses to store records on the Kaufland webhook topic (its largest accepted batch is set below one
 * webhook; a replication factor above the one node would be the real-life cause, but a one-node KRaft cluster with
 * eligible leader replicas keeps accepting acks=all writes then): the gateway must answer 503 and acknowledge
 * nothing, and the marketplace's retry after the broker recovered is stored exactly once. A broker that cannot be
 * reached at all is {@code NoBrokerTest}'s case.
 */
@QuarkusTest
@QuarkusTestResource(value = GatewayTestResource.class, restrictToAnnotatedClass = false)
class DurabilityTest {
    static final String TOKEN = "kT9_token-of-this-connection-0123456789";

    @Inject
    GatewayRuntime runtime;

    @Test
    @DisplayName("While the broker refuses the record, deliveries get 503 and nothing is on the topic; the retry after recovery is stored once")
    void noTwoHundredBeforeDurable() throws Exception {
        UUID connection = Gateway.connection(runtime, Marketplace.KAUFLAND, ConnectionState.ACTIVE, Map.of("storefront", "de"),
                Map.of("clientKey", "a".repeat(32), "secretKey", "b".repeat(64), "webhookToken", TOKEN));
        String body = "{\"event_name\":\"order_new\",\"id_order\":\"" + connection + "\"}";

        maxMessageBytes("64");
        try {
            Deliver.withToken("kaufland", connection, TOKEN, body).then().statusCode(503)
                    .contentType("application/problem+json").header("Retry-After", equalTo("5"));
            Deliver.withToken("kaufland", connection, TOKEN, body).then().statusCode(503);
            assertThat(Gateway.webhooks(Marketplace.KAUFLAND, connection, 0)).isEmpty();
        } finally {
            maxMessageBytes(null);
        }

        Deliver.withToken("kaufland", connection, TOKEN, body).then().statusCode(200)
                .body("status", anyOf(equalTo("accepted"), equalTo("duplicate")));
        assertThat(Gateway.webhooks(Marketplace.KAUFLAND, connection, 1)).hasSize(1);
    }

    /** Sets the topic's max.message.bytes, or back to the broker default with null. */
    private static void maxMessageBytes(String bytes) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrapServers()))) {
            ConfigResource topic = new ConfigResource(ConfigResource.Type.TOPIC, Marketplace.KAUFLAND.webhookTopic());
            admin.incrementalAlterConfigs(Map.of(topic, List.of(new AlterConfigOp(
                            new ConfigEntry("max.message.bytes", bytes), bytes == null ? AlterConfigOp.OpType.DELETE : AlterConfigOp.OpType.SET))))
                    .all().get(30, TimeUnit.SECONDS);
            // the controller has it; wait until the broker (which answers describeConfigs from its own metadata) has too
            await().atMost(Duration.ofSeconds(30)).until(() -> {
                ConfigEntry entry = admin.describeConfigs(List.of(topic)).all().get(30, TimeUnit.SECONDS).get(topic)
                        .get("max.message.bytes");
                return bytes == null ? entry.source() != ConfigEntry.ConfigSource.DYNAMIC_TOPIC_CONFIG : bytes.equals(entry.value());
            });
        }
    }
}
