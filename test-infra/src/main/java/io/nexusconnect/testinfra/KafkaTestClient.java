package io.nexusconnect.testinfra;

import io.nexusconnect.contracts.NexusEvent;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.Json;
import org.apache.kafka.clients.consumer.ConsumerConfig;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringDeserializer;
import org.apache.kafka.common.serialization.StringSerializer;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import java.util.function.Predicate;

/** Black-box access to the shared broker for tests: produce like a service would, read a topic from the start. */
public final class KafkaTestClient {
    private KafkaTestClient() {
    }

    /** Publishes an event the way services do: JSON value, its key, CloudEvents headers. Waits for the ack. */
    public static void publish(String topic, NexusEvent event) {
        send(topic, event.key(), Json.write(event), CloudEvents.headers(event.eventType(), "/nexus/test", event.key()));
    }

    /** Sends a raw record (a null value is a tombstone); waits for the ack. */
    public static void send(String topic, String key, String value, Headers headers) {
        Properties props = new Properties();
        props.put(ProducerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrapServers());
        props.put(ProducerConfig.ACKS_CONFIG, "all");
        try (KafkaProducer<String, String> producer = new KafkaProducer<>(props, new StringSerializer(), new StringSerializer())) {
            producer.send(new ProducerRecord<>(topic, null, key, value, headers == null ? new RecordHeaders() : headers))
                    .get(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot send to " + topic, e);
        }
    }

    /** Every record currently in {@code topic}, from the beginning, read with a throw-away consumer. */
    public static List<ConsumerRecord<String, String>> readAll(String topic) {
        return readUntil(topic, records -> true, Duration.ofSeconds(5));
    }

    /**
     * Reads {@code topic} from the beginning until {@code done} holds for what was read (or the timeout passes), and
     * returns what was read up to the end offsets seen last.
     */
    public static List<ConsumerRecord<String, String>> readUntil(String topic,
                                                                 Predicate<List<ConsumerRecord<String, String>>> done,
                                                                 Duration timeout) {
        Properties props = new Properties();
        props.put(ConsumerConfig.BOOTSTRAP_SERVERS_CONFIG, SharedInfra.kafkaBootstrapServers());
        props.put(ConsumerConfig.ENABLE_AUTO_COMMIT_CONFIG, "false");
        props.put(ConsumerConfig.MAX_POLL_RECORDS_CONFIG, "5000");
        List<ConsumerRecord<String, String>> read = new ArrayList<>();
        try (KafkaConsumer<String, String> consumer = new KafkaConsumer<>(props, new StringDeserializer(), new StringDeserializer())) {
            List<TopicPartition> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(30)).stream()
                    .map(info -> new TopicPartition(topic, info.partition()))
                    .toList();
            consumer.assign(partitions);
            consumer.seekToBeginning(partitions);
            Instant deadline = Instant.now().plus(timeout);
            while (true) {
                Map<TopicPartition, Long> end = consumer.endOffsets(partitions);
                boolean caughtUp = false;
                while (!caughtUp) {
                    consumer.poll(Duration.ofMillis(200)).forEach(read::add);
                    caughtUp = partitions.stream().allMatch(tp -> consumer.position(tp) >= end.get(tp));
                    if (Instant.now().isAfter(deadline)) {
                        return read;
                    }
                }
                if (done.test(read) || Instant.now().isAfter(deadline)) {
                    return read;
                }
                sleep();
            }
        }
    }

    public static String header(ConsumerRecord<String, String> record, String name) {
        return CloudEvents.get(record.headers(), name).orElse(null);
    }

    private static void sleep() {
        try {
            Thread.sleep(200);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
