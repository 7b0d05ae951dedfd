package io.nexusconnect.orchestrator.kafka;

import io.nexusconnect.orchestrator.stock.StockTopics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/** Creates the fan-out's private topics when they are missing, partitioned like {@code nexus.stock-levels.v1}. */
final class StockTopicsAdmin {
    private StockTopicsAdmin() {
    }

    static void ensure(KafkaClients clients, String clientId) {
        try (Admin admin = clients.admin(clientId + "-topics")) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = List.of(
                            new NewTopic(StockTopics.CHANGES, StockTopics.PARTITIONS, (short) -1)
                                    .configs(Map.of("cleanup.policy", "delete")),
                            new NewTopic(StockTopics.STATE, StockTopics.PARTITIONS, (short) -1)
                                    .configs(Map.of("cleanup.policy", "compact", "min.compaction.lag.ms", "60000")))
                    .stream().filter(topic -> !existing.contains(topic.name())).toList();
            if (!missing.isEmpty()) {
                admin.createTopics(missing).all().get(30, TimeUnit.SECONDS);
            }
        } catch (ExecutionException e) {
            if (!(e.getCause() instanceof TopicExistsException)) {
                throw new IllegalStateException("cannot create the stock fan-out topics: " + e.getMessage(), e);
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating the stock fan-out topics", e);
        } catch (TimeoutException e) {
            throw new IllegalStateException("cannot create the stock fan-out topics in time", e);
        }
    }
}
