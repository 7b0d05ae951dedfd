package io.nexusconnect.local;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.local.kafka.KafkaBroker;
import io.nexusconnect.local.postgres.LocalPostgres;
import io.nexusconnect.local.process.Ports;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.config.ConfigResource;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

/** The infrastructure half of {@code ./nexus local}, started exactly as the launcher starts it, on free ports. */
class LocalInfrastructureSmokeTest {
    private static final Duration START_TIMEOUT = Duration.ofMinutes(2);

    @TempDir
    Path work;

    @Test
    @DisplayName("A Kafka broker process and PostgreSQL start in a fresh work dir, carry a record and a row, stop cleanly, and keep both across a restart")
    void brokerProcessAndPostgresServeStopAndRestart() throws Exception {
        KafkaBroker.Settings kafkaSettings = new KafkaBroker.Settings(work.resolve("kafka"), Ports.free(), Ports.free(),
                KafkaBroker.defaultLibs(), work.resolve("logs/kafka.log"));
        LocalPostgres.Settings postgresSettings = new LocalPostgres.Settings(work.resolve("postgres"), Ports.free(),
                work.resolve("logs/postgres.log"), false);
        String topic = Topics.ALERTS;

        // given: the broker and PostgreSQL of a first start, with every topic and a service database
        KafkaBroker broker = KafkaBroker.start(kafkaSettings, START_TIMEOUT);
        LocalPostgres postgres = LocalPostgres.start(postgresSettings);
        LocalPostgres.Database database;
        try {
            broker.createTopics();
            database = postgres.ensureDatabase("smoke", "smoke_user", "s3cret-for-test");

            // when: a record is produced and a row written as the service role
            produce(broker.bootstrapServers(), topic, "connection-1", "{\"hello\":\"kafka\"}");
            try (Connection connection = DriverManager.getConnection(database.jdbcUrl(), database.user(), database.password());
                 Statement statement = connection.createStatement()) {
                statement.execute("CREATE TABLE note (id int PRIMARY KEY, text varchar(40))");
                statement.execute("INSERT INTO note VALUES (1, 'hello postgres')");
                // then: logical decoding is on, as Debezium's pgoutput needs
                assertThat(single(statement, "SHOW wal_level")).isEqualTo("logical");
            }

            // then: every topic exists with its partition count and cleanup policy, and the record comes back
            assertTopicsAsSpecified(broker.bootstrapServers());
            assertThat(consumeAll(broker.bootstrapServers(), topic)).extracting(ConsumerRecord::value)
                    .containsExactly("{\"hello\":\"kafka\"}");
        } finally {
            broker.close();
            postgres.close();
        }

        // then: both are gone: processes ended, ports closed
        assertThat(broker.process().isAlive()).isFalse();
        assertThat(listening(kafkaSettings.port())).isFalse();
        assertThat(listening(postgresSettings.port())).isFalse();

        // when: started again on the same directories
        KafkaBroker restarted = KafkaBroker.start(kafkaSettings, START_TIMEOUT);
        LocalPostgres restartedPostgres = LocalPostgres.start(postgresSettings);
        try {
            // then: the log was not formatted again and the database was not re-initialised
            assertThat(consumeAll(restarted.bootstrapServers(), topic)).extracting(ConsumerRecord::value)
                    .containsExactly("{\"hello\":\"kafka\"}");
            LocalPostgres.Database again = restartedPostgres.ensureDatabase("smoke", "smoke_user", "s3cret-for-test");
            try (Connection connection = DriverManager.getConnection(again.jdbcUrl(), again.user(), again.password());
                 Statement statement = connection.createStatement()) {
                assertThat(single(statement, "SELECT text FROM note WHERE id = 1")).isEqualTo("hello postgres");
            }
        } finally {
            restarted.close();
            restartedPostgres.close();
        }
        assertThat(restarted.process().isAlive()).isFalse();
    }

    private static void assertTopicsAsSpecified(String bootstrapServers) throws Exception {
        try (Admin admin = Admin.create(Map.of(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers))) {
            Set<String> names = Topics.all().stream().map(Topics.TopicSpec::name).collect(Collectors.toSet());
            Map<String, TopicDescription> descriptions = admin.describeTopics(names).allTopicNames().get(30, TimeUnit.SECONDS);
            List<ConfigResource> resources = names.stream().map(name -> new ConfigResource(ConfigResource.Type.TOPIC, name)).toList();
            var configs = admin.describeConfigs(resources).all().get(30, TimeUnit.SECONDS);
            for (Topics.TopicSpec spec : Topics.all()) {
                assertThat(descriptions.get(spec.name()).partitions()).as(spec.name()).hasSize(spec.partitions());
                assertThat(configs.get(new ConfigResource(ConfigResource.Type.TOPIC, spec.name())).get("cleanup.policy").value())
                        .as(spec.name()).isEqualTo(spec.configs().get("cleanup.policy"));
            }
        }
    }

    private static void produce(String bootstrapServers, String topic, String key, String value) throws Exception {
        Map<String, Object> config = Map.of(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ProducerConfig.ACKS_CONFIG, "all", ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, true);
        try (var producer = new KafkaProducer<>(config, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, key, value)).get(30, TimeUnit.SECONDS);
        }
    }

    /** Reads the topic from the beginning up to its end offsets at the time of the call. */
    private static List<ConsumerRecord<String, String>> consumeAll(String bootstrapServers, String topic) {
        Map<String, Object> config = Map.of(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers,
                ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, false);
        try (var consumer = new KafkaConsumer<>(config, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition())).toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Map<TopicPartition, Long> end = consumer.endOffsets(partitions, Duration.ofSeconds(30));
            List<ConsumerRecord<String, String>> records = new ArrayList<>();
            long deadline = System.nanoTime() + Duration.ofSeconds(30).toNanos();
            while (partitions.stream().anyMatch(partition -> consumer.position(partition) < end.get(partition))
                    && System.nanoTime() < deadline) {
                consumer.poll(Duration.ofMillis(500)).forEach(records::add);
            }
            return records;
        }
    }

    private static String single(Statement statement, String query) throws Exception {
        try (ResultSet result = statement.executeQuery(query)) {
            assertThat(result.next()).as(query).isTrue();
            return result.getString(1);
        }
    }

    private static boolean listening(int port) {
        try (Socket socket = new Socket()) {
            socket.connect(new InetSocketAddress("127.0.0.1", port), 500);
            return true;
        } catch (Exception e) {
            return false;
        }
    }
}
