package io.nexusconnect.testinfra;

import io.nexusconnect.contracts.Topics;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SharedInfraTest {

    @Test
    @DisplayName("A record sent to the shared broker is read back with its key, value and headers")
    void kafkaRoundTrip() {
        RecordHeaders headers = new RecordHeaders();
        headers.add("ce_type", "probe.v1".getBytes(StandardCharsets.UTF_8));

        KafkaTestClient.send(Topics.ALERTS, "probe-key", "{\"probe\":true}", headers);

        List<ConsumerRecord<String, String>> records = KafkaTestClient.readUntil(Topics.ALERTS,
                read -> read.stream().anyMatch(r -> "probe-key".equals(r.key())), Duration.ofSeconds(30));
        ConsumerRecord<String, String> probe = records.stream().filter(r -> "probe-key".equals(r.key())).findFirst().orElseThrow();
        assertThat(probe.value()).isEqualTo("{\"probe\":true}");
        assertThat(KafkaTestClient.header(probe, "ce_type")).isEqualTo("probe.v1");
    }

    @Test
    @DisplayName("PostgreSQL runs with logical decoding, so Debezium can stream from it")
    void postgresIsLogical() throws Exception {
        try (Connection connection = DriverManager.getConnection(SharedInfra.jdbcUrl(), SharedInfra.username(), SharedInfra.password());
             ResultSet rs = connection.createStatement().executeQuery("show wal_level")) {
            rs.next();
            assertThat(rs.getString(1)).isEqualTo("logical");
        }
        try (Connection connection = DriverManager.getConnection(SharedInfra.jdbcUrl(), SharedInfra.username(), SharedInfra.password());
             ResultSet rs = connection.createStatement().executeQuery("select current_setting('server_version_num')::int")) {
            rs.next();
            assertThat(rs.getInt(1)).isGreaterThanOrEqualTo(170000);
        }
    }

    @Test
    @DisplayName("PostgreSQL stopped refuses connections; started again it has the same port, durable settings and every committed row")
    void postgresStopsAndStartsWithItsData() throws Exception {
        // given a committed row
        String jdbc = SharedInfra.jdbcUrl();
        try (Connection connection = DriverManager.getConnection(jdbc, SharedInfra.username(), SharedInfra.password())) {
            connection.createStatement().execute("create table if not exists restart_probe (id int primary key)");
            connection.createStatement().execute("insert into restart_probe values (1) on conflict do nothing");
        }

        // when the server is stopped, then connections are refused
        SharedInfra.stopPostgres();
        try {
            org.assertj.core.api.Assertions.assertThatThrownBy(
                    () -> DriverManager.getConnection(jdbc, SharedInfra.username(), SharedInfra.password()).close())
                    .isInstanceOf(java.sql.SQLException.class);
        } finally {
            // and when it is started again
            SharedInfra.startPostgres();
        }

        // then the same URL reaches it, durable, and the row is there
        assertThat(SharedInfra.jdbcUrl()).isEqualTo(jdbc);
        try (Connection connection = DriverManager.getConnection(jdbc, SharedInfra.username(), SharedInfra.password());
             ResultSet rs = connection.createStatement().executeQuery(
                     "select (select count(*) from restart_probe), current_setting('fsync'), current_setting('synchronous_commit')")) {
            rs.next();
            assertThat(rs.getInt(1)).isEqualTo(1);
            assertThat(rs.getString(2)).isEqualTo("on");
            assertThat(rs.getString(3)).isEqualTo("on");
        }
    }

    @Test
    @DisplayName("Compacted topics are created compacted, with the partition count all connection-keyed topics share")
    void topicsExist() throws Exception {
        try (var admin = org.apache.kafka.clients.admin.Admin.create(
                java.util.Map.of("bootstrap.servers", SharedInfra.kafkaBootstrapServers()))) {
            var description = admin.describeTopics(List.of(Topics.CONNECTIONS)).allTopicNames().get().get(Topics.CONNECTIONS);
            assertThat(description.partitions()).hasSize(Topics.DEFAULT_PARTITIONS);
            var resource = new org.apache.kafka.common.config.ConfigResource(
                    org.apache.kafka.common.config.ConfigResource.Type.TOPIC, Topics.CONNECTIONS);
            var config = admin.describeConfigs(List.of(resource)).all().get().get(resource);
            assertThat(config.get("cleanup.policy").value()).isEqualTo("compact");
        }
    }

    @Test
    @DisplayName("A test token carries the tenant claim and is signed RS256")
    void tokens() {
        String token = TestTokens.forTenant("tenant-a");
        String[] parts = token.split("\\.");
        assertThat(parts).hasSize(3);
        String claims = new String(java.util.Base64.getUrlDecoder().decode(parts[1]), StandardCharsets.UTF_8);
        assertThat(claims).contains("\"tenant\":\"tenant-a\"").contains(TestTokens.ISSUER);
        assertThat(TestTokens.publicKeyPem()).startsWith("-----BEGIN PUBLIC KEY-----");
    }
}
