package io.nexusconnect.contracts.kafka;

import io.nexusconnect.contracts.Topics;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.errors.TopicExistsException;

import java.util.Collection;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * Creates the topics a service needs, with their partition count and cleanup policy, if they are not there yet.
 * Every service calls it at start-up; creation is idempotent, so the order in which services start does not matter.
 */
public final class TopicProvisioner {
    private TopicProvisioner() {
    }

    public static void ensureAll(String bootstrapServers) {
        ensure(bootstrapServers, Topics.all());
    }

    public static void ensure(String bootstrapServers, Collection<Topics.TopicSpec> specs) {
        try (Admin admin = Admin.create(KafkaClientProperties.of(bootstrapServers))) {
            Set<String> existing = admin.listTopics().names().get(30, TimeUnit.SECONDS);
            List<NewTopic> missing = specs.stream()
                    .filter(spec -> !existing.contains(spec.name()))
                    .map(spec -> new NewTopic(spec.name(), spec.partitions(), (short) -1).configs(spec.configs()))
                    .toList();
            if (missing.isEmpty()) {
                return;
            }
            for (var result : admin.createTopics(missing).values().values()) {
                try {
                    result.get(30, TimeUnit.SECONDS);
                } catch (ExecutionException e) {
                    // another service created it between our list and our create: that is the state we want
                    if (!(e.getCause() instanceof TopicExistsException)) {
                        throw e;
                    }
                }
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("interrupted while creating topics", e);
        } catch (ExecutionException | TimeoutException e) {
            throw new IllegalStateException("cannot create topics on " + bootstrapServers + ": " + e.getMessage(), e);
        }
    }
}
