package io.nexusconnect.orchestrator.kafka;

import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.KafkaException;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.errors.AuthorizationException;
import org.apache.kafka.common.errors.InvalidProducerEpochException;
import org.apache.kafka.common.errors.OutOfOrderSequenceException;
import org.apache.kafka.common.errors.ProducerFencedException;
import org.apache.kafka.common.errors.UnsupportedVersionException;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Writes what one step of a member caused, together with the member's consumer positions, as one Kafka transaction.
 * The positions are exactly what has been processed (steps run one after another and a batch is committed before the
 * next poll). Sending them with every step, ticks included, also fences a zombie: a member the group has dropped
 * cannot commit anything, not even a tick's sync requests.
 */
final class StepWriter implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(StepWriter.class);

    private final KafkaClients clients;
    private final String transactionalId;
    private final KafkaConsumer<byte[], byte[]> consumer;
    private final OrchestratorMetrics metrics;
    private KafkaProducer<byte[], byte[]> producer;
    private boolean inTransaction;
    private Map<TopicPartition, OffsetAndMetadata> lastCommitted = Map.of();

    StepWriter(KafkaClients clients, String transactionalId, KafkaConsumer<byte[], byte[]> consumer,
               OrchestratorMetrics metrics) {
        this.clients = clients;
        this.transactionalId = transactionalId;
        this.consumer = consumer;
        this.metrics = metrics;
        this.producer = open();
    }

    /** Commits the records and the positions, or throws and nothing of it counts (see {@link #abort}). */
    void commit(List<ProducerRecord<byte[], byte[]>> records) {
        Map<TopicPartition, OffsetAndMetadata> positions = new HashMap<>();
        for (TopicPartition tp : consumer.assignment()) {
            positions.put(tp, new OffsetAndMetadata(consumer.position(tp)));
        }
        if (records.isEmpty() && positions.equals(lastCommitted)) {
            return;
        }
        if (producer == null) {
            producer = open();
        }
        producer.beginTransaction();
        inTransaction = true;
        for (ProducerRecord<byte[], byte[]> record : records) {
            producer.send(record);
        }
        if (!positions.isEmpty()) {
            producer.sendOffsetsToTransaction(positions, consumer.groupMetadata());
        }
        // waits for every send: throws if any record was not acknowledged
        producer.commitTransaction();
        inTransaction = false;
        lastCommitted = positions;
        metrics.written(records);
    }

    /** After a failed step: aborts its transaction; a producer that cannot go on is replaced (fencing its epoch). */
    void abort(Exception failure) {
        if (producer == null) {
            return;
        }
        boolean fatal = failure instanceof ProducerFencedException || failure instanceof OutOfOrderSequenceException
                || failure instanceof InvalidProducerEpochException || failure instanceof AuthorizationException
                || failure instanceof UnsupportedVersionException;
        if (inTransaction && !fatal) {
            try {
                producer.abortTransaction();
            } catch (KafkaException e) {
                fatal = true;
            }
        }
        inTransaction = false;
        lastCommitted = Map.of();
        if (fatal) {
            // the next step opens a new one: its initTransactions aborts whatever this one left open
            closeProducer(Duration.ZERO);
            producer = null;
        }
    }

    private KafkaProducer<byte[], byte[]> open() {
        KafkaProducer<byte[], byte[]> opened = clients.transactionalProducer(transactionalId);
        try {
            opened.initTransactions();
            return opened;
        } catch (KafkaException e) {
            opened.close(Duration.ZERO);
            throw e;
        }
    }

    private void closeProducer(Duration timeout) {
        if (producer == null) {
            return;
        }
        try {
            producer.close(timeout);
        } catch (RuntimeException e) {
            LOG.debugf("closing the producer %s: %s", transactionalId, e.getMessage());
        }
    }

    @Override
    public void close() {
        closeProducer(Duration.ofSeconds(10));
    }
}
