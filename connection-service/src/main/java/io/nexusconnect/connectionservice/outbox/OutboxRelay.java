package io.nexusconnect.connectionservice.outbox;

import io.nexusconnect.contracts.kafka.KafkaClientProperties;
import io.debezium.embedded.Connect;
import io.debezium.embedded.async.ConvertingAsyncEngineBuilderFactory;
import io.debezium.engine.DebeziumEngine;
import io.debezium.engine.RecordChangeEvent;
import io.debezium.engine.format.ChangeEventFormat;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerConfig;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.apache.kafka.common.serialization.StringSerializer;
import org.apache.kafka.connect.header.Header;
import org.apache.kafka.connect.source.SourceRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Properties;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Relays the outbox to Kafka with an embedded Debezium engine (pgoutput, EventRouter). Each batch is produced with an
 * idempotent {@code acks=all} producer and marked processed only after the broker acknowledged every record of it, so
 * an offset (and the slot's confirmed LSN) never passes an event Kafka does not have. A failed send stops the engine;
 * it restarts from the last committed offset, and consumers absorb the redelivery (they are idempotent).
 */
@ApplicationScoped
public class OutboxRelay {
    private static final Logger LOG = Logger.getLogger(OutboxRelay.class);

    @Inject
    OutboxRelayConfig config;
    @ConfigProperty(name = "kafka.bootstrap.servers")
    String bootstrapServers;
    @ConfigProperty(name = "quarkus.datasource.jdbc.url")
    String jdbcUrl;
    @ConfigProperty(name = "quarkus.datasource.username")
    String username;
    @ConfigProperty(name = "quarkus.datasource.password")
    Optional<String> password;

    private final ScheduledExecutorService runner = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "outbox-relay");
        thread.setDaemon(true);
        return thread;
    });
    private volatile KafkaProducer<String, String> producer;
    private volatile DebeziumEngine<RecordChangeEvent<SourceRecord>> engine;
    private volatile boolean streaming;
    private volatile boolean stopping;

    void onStart(@Observes StartupEvent event) {
        if (!config.relay().enabled()) {
            LOG.info("outbox relay disabled (nexus.outbox.relay.enabled=false): Kafka Connect relays the outbox");
            return;
        }
        producer = new KafkaProducer<>(producerConfig(), new StringSerializer(), new StringSerializer());
        runner.execute(this::runEngine);
    }

    void onStop(@Observes ShutdownEvent event) {
        stopping = true;
        DebeziumEngine<?> current = engine;
        if (current != null) {
            try {
                current.close();
            } catch (IOException e) {
                LOG.warnf("outbox relay did not stop cleanly: %s", e.getClass().getName());
            }
        }
        runner.shutdown();
        try {
            runner.awaitTermination(30, TimeUnit.SECONDS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
        if (producer != null) {
            producer.close();
        }
    }

    /** Enabled and streaming; or disabled (nothing to wait for). */
    public boolean ready() {
        return !config.relay().enabled() || streaming;
    }

    public boolean enabled() {
        return config.relay().enabled();
    }

    private void runEngine() {
        if (stopping) {
            return;
        }
        try {
            Files.createDirectories(Path.of(config.offsetDir()));
        } catch (IOException e) {
            throw new UncheckedIOException("cannot create the outbox offset directory " + config.offsetDir(), e);
        }
        Properties properties = DebeziumOutboxProperties.of(DebeziumOutboxProperties.Database.fromJdbcUrl(jdbcUrl),
                username, password.orElse(""), config, databaseIdentity());
        engine = new ConvertingAsyncEngineBuilderFactory()
                .builder(ChangeEventFormat.of(Connect.class))
                .using(properties)
                .using(new DebeziumEngine.ConnectorCallback() {
                    @Override
                    public void taskStarted() {
                        streaming = true;
                        LOG.infof("outbox relay streaming from slot %s", config.slotName());
                    }

                    @Override
                    public void taskStopped() {
                        streaming = false;
                    }
                })
                .using((success, message, error) -> {
                    streaming = false;
                    if (stopping) {
                        return;
                    }
                    LOG.errorf("outbox relay stopped (%s); restarting in %s", error == null ? message : error.toString(),
                            config.restartDelay());
                    runner.schedule(this::runEngine, config.restartDelay().toMillis(), TimeUnit.MILLISECONDS);
                })
                .notifying(this::relay)
                .build();
        engine.run();
    }

    private void relay(List<RecordChangeEvent<SourceRecord>> batch,
                       DebeziumEngine.RecordCommitter<RecordChangeEvent<SourceRecord>> committer) throws InterruptedException {
        List<Future<RecordMetadata>> acks = new ArrayList<>(batch.size());
        for (RecordChangeEvent<SourceRecord> change : batch) {
            SourceRecord record = change.record();
            if (record != null && record.topic() != null) {
                acks.add(producer.send(toKafka(record)));
            }
        }
        for (Future<RecordMetadata> ack : acks) {
            try {
                ack.get();
            } catch (ExecutionException e) {
                // nothing of this batch is marked: the engine stops and the batch is read again after the restart
                throw new IllegalStateException("Kafka did not acknowledge an outbox record: " + e.getCause(), e.getCause());
            }
        }
        for (RecordChangeEvent<SourceRecord> change : batch) {
            committer.markProcessed(change);
        }
        committer.markBatchFinished();
    }

    /** PostgreSQL's system identifier, new with every initdb; "unknown" when the user may not read it. */
    private String databaseIdentity() {
        try (Connection connection = DriverManager.getConnection(jdbcUrl, username, password.orElse(""));
             Statement statement = connection.createStatement();
             ResultSet rs = statement.executeQuery("select system_identifier from pg_control_system()")) {
            return rs.next() ? rs.getString(1) : "unknown";
        } catch (SQLException e) {
            LOG.warnf("cannot read the PostgreSQL system identifier (%s); offsets are kept per slot only", e.getSQLState());
            return "unknown";
        }
    }

    static ProducerRecord<String, String> toKafka(SourceRecord record) {
        RecordHeaders headers = new RecordHeaders();
        for (Header header : record.headers()) {
            if (header.value() != null && !header.key().startsWith("__debezium")) {
                headers.add(header.key(), String.valueOf(header.value()).getBytes(StandardCharsets.UTF_8));
            }
        }
        String key = record.key() == null ? null : String.valueOf(record.key());
        String value = record.value() == null ? null : String.valueOf(record.value());
        return new ProducerRecord<>(record.topic(), null, key, value, headers);
    }

    private Properties producerConfig() {
        Properties p = new Properties();
        p.putAll(KafkaClientProperties.of(bootstrapServers));
        p.put(ProducerConfig.ACKS_CONFIG, "all");
        p.put(ProducerConfig.ENABLE_IDEMPOTENCE_CONFIG, "true");
        p.put(ProducerConfig.MAX_IN_FLIGHT_REQUESTS_PER_CONNECTION, "5");
        p.put(ProducerConfig.LINGER_MS_CONFIG, "5");
        p.put(ProducerConfig.CLIENT_ID_CONFIG, "connection-service-outbox-relay");
        return p;
    }
}
