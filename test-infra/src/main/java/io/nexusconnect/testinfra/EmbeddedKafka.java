package io.nexusconnect.testinfra;

import org.apache.kafka.common.test.KafkaClusterTestKit;
import org.apache.kafka.common.test.TestKitNodes;
import org.apache.kafka.common.utils.Exit;

import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A real Kafka 4.x broker running inside the test JVM (KRaft, one combined broker + controller). Replication
 * factors of the internal topics are 1, or consumers never find a group coordinator on a one-node cluster.
 *
 * <p>Two Kafka process hooks are taken over for the life of the test JVM. The test kit deletes its data directories in
 * a JVM shutdown hook of its own, which runs at the same time as ours that stops the broker: the broker then sees its
 * log directory vanish, declares it failed and halts the JVM with status 1, which surefire reports as a crashed fork
 * although every test passed. So the deletions are deferred until the broker is closed, and a halt or exit requested
 * by broker code is reported on stderr instead of ending the test JVM.
 */
final class EmbeddedKafka implements KafkaServer {
    private static final List<Runnable> DEFERRED_DELETIONS = new CopyOnWriteArrayList<>();
    private final KafkaClusterTestKit cluster;

    private EmbeddedKafka(KafkaClusterTestKit cluster) {
        this.cluster = cluster;
    }

    static EmbeddedKafka start() {
        Exit.setShutdownHookAdder((name, hook) -> DEFERRED_DELETIONS.add(hook));
        Exit.Procedure report = (status, message) -> System.err.println(
                "test-infra: the embedded broker asked to end the JVM with status " + status + " (" + message + "); ignored");
        Exit.setHaltProcedure(report);
        Exit.setExitProcedure(report);
        try {
            TestKitNodes nodes = new TestKitNodes.Builder()
                    .setCombined(true)
                    .setNumBrokerNodes(1)
                    .setNumControllerNodes(1)
                    .build();
            KafkaClusterTestKit cluster = new KafkaClusterTestKit.Builder(nodes)
                    .setConfigProp("offsets.topic.replication.factor", "1")
                    .setConfigProp("offsets.topic.num.partitions", "6")
                    .setConfigProp("transaction.state.log.replication.factor", "1")
                    .setConfigProp("transaction.state.log.min.isr", "1")
                    .setConfigProp("transaction.state.log.num.partitions", "6")
                    .setConfigProp("share.coordinator.state.topic.replication.factor", "1")
                    .setConfigProp("share.coordinator.state.topic.min.isr", "1")
                    .setConfigProp("group.initial.rebalance.delay.ms", "0")
                    .setConfigProp("num.partitions", "6")
                    .setConfigProp("auto.create.topics.enable", "true")
                    .setConfigProp("log.cleaner.dedupe.buffer.size", String.valueOf(2 * 1024 * 1024))
                    .setDeleteOnClose(true)
                    .build();
            cluster.format();
            cluster.startup();
            cluster.waitForReadyBrokers();
            return new EmbeddedKafka(cluster);
        } catch (Exception e) {
            throw new IllegalStateException("cannot start the embedded Kafka broker", e);
        }
    }

    @Override
    public String bootstrapServers() {
        return cluster.bootstrapServers();
    }

    @Override
    public void close() throws Exception {
        try {
            cluster.close();
        } finally {
            for (Runnable deletion : DEFERRED_DELETIONS) {
                deletion.run();
            }
            DEFERRED_DELETIONS.clear();
        }
    }
}
