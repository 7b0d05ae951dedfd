package io.nexusconnect.adapterkit.consumer;

import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.contracts.kafka.TransientFailureException;
import io.nexusconnect.testinfra.KafkaTestClient;
import io.nexusconnect.testinfra.SharedInfra;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The ordered per-partition consumer on the real broker: busy partitions are paused while the others go on, a
 * transient failure holds its partition (in order, never dead-lettered), and a rebalance hands a running record's
 * partition to the new owner, who repeats it because its offset was never committed.
 */
class OrderedPartitionConsumerKafkaTest {
    private static final Duration WAIT = Duration.ofSeconds(60);
    private static EventPublisher publisher;

    /** What a handler saw, in order, by which member. */
    private record Seen(String member, int partition, long offset, String value) {
    }

    @BeforeAll
    static void publisher() {
        publisher = EventPublisher.create(SharedInfra.kafkaBootstrapServers(), "/nexus/adapter-kit-test", "kit-consumer-test");
    }

    @AfterAll
    static void closePublisher() {
        publisher.close();
    }

    private static String topic(int partitions) throws Exception {
        String topic = "kit-ordered-" + UUID.randomUUID();
        try (Admin admin = admin()) {
            admin.createTopics(List.of(new NewTopic(topic, partitions, (short) 1),
                    new NewTopic(topic + ".dlq", 1, (short) 1))).all().get(30, TimeUnit.SECONDS);
        }
        return topic;
    }

    private static Admin admin() {
        Properties props = new Properties();
        props.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrapServers());
        return Admin.create(props);
    }

    private static void send(String topic, int partition, String value) {
        try (var producer = new org.apache.kafka.clients.producer.KafkaProducer<>(
                io.nexusconnect.contracts.kafka.ProducerSettings.properties(SharedInfra.kafkaBootstrapServers(), "kit-test"),
                new org.apache.kafka.common.serialization.StringSerializer(),
                new org.apache.kafka.common.serialization.StringSerializer())) {
            producer.send(new org.apache.kafka.clients.producer.ProducerRecord<>(topic, partition, "k" + partition, value))
                    .get(30, TimeUnit.SECONDS);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private static OrderedPartitionConsumer consumer(String topic, String group, String member, RecordHandler handler) {
        return new OrderedPartitionConsumer(new OrderedPartitionConsumer.Settings(SharedInfra.kafkaBootstrapServers(),
                topic, group, member, 4, 3, Duration.ofMillis(50)), handler, publisher, Clock.systemUTC()).start();
    }

    private static long committed(String group, String topic) throws Exception {
        try (Admin admin = admin()) {
            return admin.listConsumerGroupOffsets(group).partitionsToOffsetAndMetadata().get().entrySet().stream()
                    .filter(e -> e.getKey().topic().equals(topic))
                    .mapToLong(e -> e.getValue().offset()).sum();
        }
    }

    private static List<String> values(List<Seen> seen, Predicate<Seen> which) {
        return seen.stream().filter(which).map(Seen::value).toList();
    }

    @Test
    @DisplayName("While a partition's record runs, that partition is paused and waits, the other partition goes on, and lag shows the backlog")
    void busyPartitionIsPausedOthersContinue() throws Exception {
        // given a handler that holds the first record of partition 0 until released
        String topic = topic(2);
        CountDownLatch release = new CountDownLatch(1);
        List<Seen> seen = new CopyOnWriteArrayList<>();
        try (OrderedPartitionConsumer consumer = consumer(topic, "g-" + UUID.randomUUID(), "solo", record -> {
            seen.add(new Seen("solo", record.partition(), record.offset(), record.value()));
            if (record.value().equals("p0-1")) {
                release.await(60, TimeUnit.SECONDS);
            }
        })) {
            // when three records go to partition 0 and two to partition 1
            send(topic, 0, "p0-1");
            await().atMost(WAIT).until(() -> values(seen, s -> true).contains("p0-1"));
            send(topic, 0, "p0-2");
            send(topic, 0, "p0-3");
            send(topic, 1, "p1-1");
            send(topic, 1, "p1-2");

            // then partition 1 is processed, partition 0 is paused behind its running record, with its backlog as lag
            await().atMost(WAIT).until(() -> values(seen, s -> s.partition() == 1).size() == 2);
            TopicPartition p0 = new TopicPartition(topic, 0);
            await().atMost(WAIT).until(() -> consumer.pausedPartitions().contains(p0)
                    && consumer.lagByPartition().getOrDefault(p0, 0L) == 3);
            assertThat(values(seen, s -> s.partition() == 0)).containsExactly("p0-1");
            assertThat(consumer.pausedPartitions()).doesNotContain(new TopicPartition(topic, 1));

            // and once released, partition 0 goes on in order, is resumed, and its lag drains to zero
            release.countDown();
            await().atMost(WAIT).until(() -> values(seen, s -> s.partition() == 0).size() == 3);
            assertThat(values(seen, s -> s.partition() == 0)).containsExactly("p0-1", "p0-2", "p0-3");
            await().atMost(WAIT).until(() -> consumer.totalLag() == 0 && consumer.pausedPartitions().isEmpty());
        }
    }

    @Test
    @DisplayName("A transiently failing record is retried in order beyond the fault budget, never dead-lettered, and the records behind it wait")
    void transientFailureHoldsThePartition() throws Exception {
        // given a handler whose database is away for the first six attempts of the first record (fault budget: 3)
        String topic = topic(1);
        String group = "g-" + UUID.randomUUID();
        AtomicInteger attempts = new AtomicInteger();
        List<String> done = new CopyOnWriteArrayList<>();
        try (OrderedPartitionConsumer consumer = consumer(topic, group, "solo", record -> {
            if (record.value().equals("first") && attempts.incrementAndGet() <= 6) {
                throw new TransientFailureException("database unavailable",
                        new java.sql.SQLException("Connection refused", "08001"));
            }
            done.add(record.value());
        })) {
            // when two records arrive
            send(topic, 0, "first");
            send(topic, 0, "second");

            // then both are processed in order after the seventh attempt, and both offsets are committed
            await().atMost(WAIT).until(() -> done.size() == 2);
            assertThat(done).containsExactly("first", "second");
            assertThat(attempts.get()).isEqualTo(7);
            await().atMost(WAIT).until(() -> committed(group, topic) == 2);
        }
        // and nothing was dead-lettered
        assertThat(KafkaTestClient.readAll(topic + ".dlq")).isEmpty();
    }

    @Test
    @DisplayName("When a second member joins, the partitions are split; a record running on a revoked partition is repeated by its new owner and nothing is lost")
    void rebalanceHandsOverUncommittedWork() throws Exception {
        // given member A alone on two partitions, holding the first record of each until released
        String topic = topic(2);
        String group = "g-" + UUID.randomUUID();
        CountDownLatch releaseA = new CountDownLatch(1);
        List<Seen> seen = new CopyOnWriteArrayList<>();
        Map<String, OrderedPartitionConsumer> members = new ConcurrentHashMap<>();
        RecordHandler a = record -> {
            seen.add(new Seen("A", record.partition(), record.offset(), record.value()));
            if (record.value().endsWith("-hold")) {
                releaseA.await(60, TimeUnit.SECONDS);
            }
        };
        RecordHandler b = record -> seen.add(new Seen("B", record.partition(), record.offset(), record.value()));
        members.put("A", consumer(topic, group, "member-a", a));
        try {
            await().atMost(WAIT).until(() -> members.get("A").assignedPartitions().size() == 2);
            send(topic, 0, "p0-hold");
            send(topic, 1, "p1-hold");
            await().atMost(WAIT).until(() -> seen.size() == 2);

            // when member B joins the group while A's records run
            members.put("B", consumer(topic, group, "member-b", b));

            // then each member owns one partition, and B repeats the uncommitted record of the partition it took
            await().atMost(WAIT).until(() -> members.get("A").assignedPartitions().size() == 1
                    && members.get("B").assignedPartitions().size() == 1);
            TopicPartition moved = members.get("B").assignedPartitions().iterator().next();
            await().atMost(WAIT).until(() -> seen.stream().anyMatch(s -> s.member().equals("B")));
            assertThat(seen.stream().filter(s -> s.member().equals("B")).findFirst().orElseThrow())
                    .isEqualTo(new Seen("B", moved.partition(), 0, "p" + moved.partition() + "-hold"));

            // and after A finishes, records on both partitions keep being processed and every offset is committed
            releaseA.countDown();
            send(topic, 0, "p0-next");
            send(topic, 1, "p1-next");
            await().atMost(WAIT).until(() -> committed(group, topic) == 4);
            assertThat(seen).extracting(Seen::value).contains("p0-next", "p1-next");
            Set<String> owners = Set.copyOf(seen.stream().filter(s -> s.value().endsWith("-next")).map(Seen::member).toList());
            assertThat(owners).containsExactlyInAnyOrder("A", "B");
        } finally {
            releaseA.countDown();
            members.values().forEach(OrderedPartitionConsumer::close);
        }
    }
}
