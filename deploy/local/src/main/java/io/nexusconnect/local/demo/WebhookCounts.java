package io.nexusconnect.local.demo;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ListOffsetsResult;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.admin.TopicDescription;
import org.apache.kafka.common.TopicPartition;

import java.util.Collection;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * How many webhook deliveries webhook-gateway has made durable per marketplace: the records on
 * {@code nexus.webhooks.<marketplace>.v1} (the gateway answers 2xx only once a record is there). Read from the
 * topics' offsets, so it counts what every replica took, whoever pushed it.
 */
public final class WebhookCounts implements AutoCloseable {
    private final Admin admin;
    private final List<Marketplace> marketplaces;

    public WebhookCounts(String bootstrapServers, Collection<Marketplace> marketplaces) {
        Properties config = new Properties();
        config.put(AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, bootstrapServers);
        config.put(AdminClientConfig.CLIENT_ID_CONFIG, "nexus-local-webhook-counts");
        config.put(AdminClientConfig.DEFAULT_API_TIMEOUT_MS_CONFIG, "5000");
        config.put(AdminClientConfig.REQUEST_TIMEOUT_MS_CONFIG, "4000");
        this.admin = Admin.create(config);
        this.marketplaces = List.copyOf(marketplaces);
    }

    /** Records per marketplace (earliest to latest offset, summed over partitions); empty when Kafka does not answer. */
    public Map<Marketplace, Long> counts() {
        Map<Marketplace, Long> counts = new EnumMap<>(Marketplace.class);
        try {
            Map<String, Marketplace> topics = new HashMap<>();
            marketplaces.forEach(m -> topics.put(Topics.webhooks(m), m));
            Map<String, TopicDescription> described = admin.describeTopics(topics.keySet()).allTopicNames()
                    .get(5, TimeUnit.SECONDS);
            Map<TopicPartition, OffsetSpec> latest = new HashMap<>();
            Map<TopicPartition, OffsetSpec> earliest = new HashMap<>();
            described.values().forEach(topic -> topic.partitions().forEach(partition -> {
                TopicPartition tp = new TopicPartition(topic.name(), partition.partition());
                latest.put(tp, OffsetSpec.latest());
                earliest.put(tp, OffsetSpec.earliest());
            }));
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> ends = admin.listOffsets(latest).all()
                    .get(5, TimeUnit.SECONDS);
            Map<TopicPartition, ListOffsetsResult.ListOffsetsResultInfo> starts = admin.listOffsets(earliest).all()
                    .get(5, TimeUnit.SECONDS);
            ends.forEach((tp, end) -> counts.merge(topics.get(tp.topic()), end.offset() - starts.get(tp).offset(),
                    Long::sum));
        } catch (ExecutionException | TimeoutException e) {
            return Map.of();
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return Map.of();
        }
        return counts;
    }

    @Override
    public void close() {
        admin.close(java.time.Duration.ofSeconds(2));
    }
}
