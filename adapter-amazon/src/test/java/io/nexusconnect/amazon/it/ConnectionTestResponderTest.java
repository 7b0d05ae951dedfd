package io.nexusconnect.amazon.it;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.testing.ConnectionTestRequested;
import io.nexusconnect.contracts.testing.ConnectionTestResult;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Test Connection over Kafka request-reply, answered with getMarketplaceParticipations. */
@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
@QuarkusTestResource(value = AmazonSimResource.class, restrictToAnnotatedClass = false)
class ConnectionTestResponderTest {
    AmazonSimulator sim;

    @AfterEach
    void clearFaults() {
        sim.faults().clear();
    }

    private static ConnectionTestResult ask() {
        ConnectionTestRequested request = new ConnectionTestRequested(UUID.randomUUID(), Marketplace.AMAZON,
                Cycles.demoConnection(), Instant.now(), Instant.now().plusSeconds(120));
        KafkaTestClient.publish(Topics.CONNECTION_TESTS, request);
        String id = request.requestId().toString();
        ConsumerRecord<String, String> reply = KafkaTestClient.readUntil(Topics.CONNECTION_TEST_REPLIES,
                        records -> records.stream().anyMatch(r -> r.value().contains(id)), Cycles.WAIT).stream()
                .filter(r -> r.value().contains(id)).findFirst().orElseThrow();
        Cycles.assertValid(reply);
        return Json.read(reply.value(), ConnectionTestResult.class);
    }

    @Test
    @DisplayName("Valid demo credentials are answered with Amazon US and the store name")
    void validCredentials() {
        // given the demo seller's connection, when it is tested
        ConnectionTestResult result = ask();

        // then the answer names the marketplace and the seller
        assertThat(result.valid()).isTrue();
        assertThat(result.marketplaceName()).isEqualTo("Amazon US");
        assertThat(result.sellerName()).isEqualTo(AmazonSimulator.DEMO.sellerName());
    }

    @Test
    @DisplayName("Wrong client credentials are answered as INVALID_CREDENTIALS without echoing them")
    void invalidClient() {
        // given LWA rejects the client, when the connection is tested
        sim.faults().persistent(AmazonSimulator.LWA_TOKEN, Fault.invalidClient());
        ConnectionTestResult result = ask();

        // then the answer is the classified failure
        assertThat(result.valid()).isFalse();
        assertThat(result.errorCode()).isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(result.message()).doesNotContain(AmazonSimulator.DEMO.lwaClientSecret());
    }
}
