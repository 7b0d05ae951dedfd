package io.nexusconnect.orchestrator.kafka;

import io.micrometer.core.instrument.MeterRegistry;
import io.nexusconnect.contracts.Topics;
import jakarta.enterprise.context.ApplicationScoped;
import org.apache.kafka.clients.producer.ProducerRecord;

import java.util.List;

/** Counters of what the orchestrator wrote, by kind, on {@code /q/metrics}. */
@ApplicationScoped
public class OrchestratorMetrics {
    private final MeterRegistry registry;

    OrchestratorMetrics(MeterRegistry registry) {
        this.registry = registry;
    }

    void written(List<ProducerRecord<byte[], byte[]>> records) {
        for (ProducerRecord<byte[], byte[]> record : records) {
            String topic = record.topic();
            if (topic.endsWith(Topics.DLQ_SUFFIX)) {
                registry.counter("nexus.orchestrator.dead.letters", "topic", topic).increment();
            } else if (topic.startsWith("nexus.sync-requests.")) {
                registry.counter("nexus.orchestrator.sync.requests", "topic", topic).increment();
            } else if (topic.equals(Topics.CONNECTION_STATUS)) {
                registry.counter("nexus.orchestrator.status.changes").increment();
            }
        }
    }
}
