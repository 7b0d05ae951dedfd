package io.nexusconnect.connectionservice;

import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.TestTokens;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import org.apache.kafka.clients.consumer.ConsumerRecord;

import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;

import java.sql.Connection;
import java.util.HashMap;
import java.util.concurrent.ExecutionException;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.ThreadLocalRandom;

import io.nexusconnect.testinfra.SharedInfra;

import static io.restassured.RestAssured.given;
import static java.util.concurrent.TimeUnit.SECONDS;
import static org.awaitility.Awaitility.await;

/** What the story tests share: tokens per tenant, valid Amazon credentials with unique secrets, Kafka and SQL access. */
public final class Fixtures {
    private Fixtures() {
    }

    /** A request as a user of {@code tenant}; waits once for the outbox relay to stream (readiness). */
    public static RequestSpecification as(String tenant) {
        awaitReady();
        return given().auth().oauth2(TestTokens.forTenant(tenant)).contentType("application/json");
    }

    private static volatile boolean ready;

    public static void awaitReady() {
        if (!ready) {
            await().atMost(90, SECONDS).pollInterval(Duration.ofMillis(250))
                    .until(() -> given().get("/q/health/ready").statusCode() == 200);
            ready = true;
        }
    }

    /**
     * Amazon fields whose three secrets are unique to this call, so "appears nowhere" means something; the seller is
     * unique too, since one seller cannot be connected twice for the same marketplace.
     */
    public static Map<String, String> amazonFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("lwaClientId", "amzn1.application-oa2-client." + alnum(32));
        fields.put("lwaClientSecret", "amzn1.oa2-cs.v1." + alnum(64));
        fields.put("refreshToken", "Atzr|IwEBI" + alnum(80));
        fields.put("sellingPartnerId", "A" + alnum(13).toUpperCase(java.util.Locale.ROOT));
        fields.put("marketplaceIds", "ATVPDKIKX0DER,A2EUQ1WTGCTBG2");
        fields.put("region", "NA");
        fields.put("sandbox", "true");
        return fields;
    }

    public static List<String> secretsOf(Map<String, String> fields) {
        return List.of(fields.get("lwaClientId"), fields.get("lwaClientSecret"), fields.get("refreshToken"));
    }

    public static Map<String, Object> createBody(Map<String, String> fields) {
        return Map.of("marketplace", "amazon", "label", "Amazon US", "fields", fields,
                "settings", Map.of("syncInterval", "4h", "orderLookback", "90d", "inventoryBufferPercent", 10,
                        "autoReconnect", false, "currency", "USD"));
    }

    /** Creates an Amazon connection of {@code tenant} through the API and returns its id. */
    public static UUID createConnection(String tenant) {
        Response response = as(tenant).body(createBody(amazonFields())).post("/api/connections");
        response.then().statusCode(201);
        return UUID.fromString(response.jsonPath().getString("id"));
    }

    public static List<ConsumerRecord<String, String>> awaitRecords(String topic, String key, int count) {
        List<ConsumerRecord<String, String>> read = KafkaTestClient.readUntil(topic,
                records -> records.stream().filter(r -> key.equals(r.key())).count() >= count, Duration.ofSeconds(60));
        return read.stream().filter(r -> key.equals(r.key())).toList();
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEvents.get(record.headers(), name).orElse(null);
    }

    /** Waits until consumer group {@code group} has committed everything currently in {@code topic}. */
    public static void awaitConsumed(String group, String topic) {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrapServers()))) {
            List<TopicPartition> partitions = admin.describeTopics(List.of(topic)).allTopicNames().get().get(topic)
                    .partitions().stream().map(p -> new TopicPartition(topic, p.partition())).toList();
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            partitions.forEach(tp -> latest.put(tp, OffsetSpec.latest()));
            Map<TopicPartition, Long> end = new HashMap<>();
            admin.listOffsets(latest).all().get().forEach((tp, info) -> end.put(tp, info.offset()));
            await().atMost(60, SECONDS).pollInterval(Duration.ofMillis(250)).until(() -> {
                Map<TopicPartition, OffsetAndMetadata> committed =
                        admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get();
                return end.entrySet().stream().allMatch(e -> e.getValue() == 0
                        || (committed.get(e.getKey()) != null && committed.get(e.getKey()).offset() >= e.getValue()));
            });
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException e) {
            throw new IllegalStateException(e);
        }
    }

    public static Connection jdbc() throws SQLException {
        return DriverManager.getConnection(SharedInfra.jdbcUrl(), SharedInfra.username(), SharedInfra.password());
    }

    private static String alnum(int length) {
        String chars = "ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789";
        StringBuilder out = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            out.append(chars.charAt(ThreadLocalRandom.current().nextInt(chars.length())));
        }
        return out.toString();
    }
}
