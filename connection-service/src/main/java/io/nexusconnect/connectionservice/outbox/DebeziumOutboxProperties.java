package io.nexusconnect.connectionservice.outbox;

import java.net.URI;
import java.nio.file.Path;
import java.util.Properties;
import java.util.Set;

/**
 * The Debezium PostgreSQL connector with the outbox EventRouter, configured exactly as Kafka Connect runs it in
 * Kubernetes: topic = {@code aggregatetype} as-is, key = {@code aggregateid}, value = {@code payload} unchanged, and the
 * CloudEvents attributes as headers ({@code ce_id} = outbox id, {@code ce_type} = type, {@code ce_time} = created_at,
 * {@code ce_specversion} = the outbox column of that name, {@code ce_source}/{@code content-type} as constants). A NULL
 * payload becomes a tombstone.
 */
public final class DebeziumOutboxProperties {
    public static final String ENGINE_NAME = "connection-service-outbox";
    /**
     * Keys only the embedded engine reads. On Kafka Connect the connector's name is its resource name, offsets live in
     * Connect's offset topic and the flush interval is worker configuration; every other key is the connector's.
     */
    public static final Set<String> ENGINE_ONLY_KEYS =
            Set.of("name", "offset.storage", "offset.storage.file.filename", "offset.flush.interval.ms");

    private DebeziumOutboxProperties() {
    }

    /** Database coordinates from the service's JDBC url, e.g. {@code jdbc:postgresql://db:5432/nexus?ssl=true}. */
    public record Database(String host, int port, String name) {
        public static Database fromJdbcUrl(String jdbcUrl) {
            if (jdbcUrl == null || !jdbcUrl.startsWith("jdbc:postgresql://")) {
                throw new IllegalArgumentException("the outbox relay needs a jdbc:postgresql:// url");
            }
            URI uri = URI.create(jdbcUrl.substring("jdbc:".length()));
            String path = uri.getPath() == null || uri.getPath().length() <= 1 ? "postgres" : uri.getPath().substring(1);
            return new Database(uri.getHost(), uri.getPort() < 0 ? 5432 : uri.getPort(), path);
        }
    }

    /**
     * @param databaseIdentity distinguishes database clusters (PostgreSQL's system identifier): offsets of a cluster
     *                         that was re-created must not be applied to the new one, whose LSNs start lower again
     */
    public static Properties of(Database db, String user, String password, OutboxRelayConfig config, String databaseIdentity) {
        Properties p = new Properties();
        p.setProperty("name", ENGINE_NAME);
        p.setProperty("connector.class", "io.debezium.connector.postgresql.PostgresConnector");
        p.setProperty("offset.storage", "org.apache.kafka.connect.storage.FileOffsetBackingStore");
        p.setProperty("offset.storage.file.filename",
                Path.of(config.offsetDir(), config.slotName() + "-" + databaseIdentity + "-offsets.dat").toAbsolutePath().toString());
        // offsets also confirm the LSN to the slot; a short interval keeps redelivery after a crash small
        p.setProperty("offset.flush.interval.ms", "1000");
        p.setProperty("database.hostname", db.host());
        p.setProperty("database.port", String.valueOf(db.port()));
        p.setProperty("database.dbname", db.name());
        p.setProperty("database.user", user);
        p.setProperty("database.password", password == null ? "" : password);
        p.setProperty("topic.prefix", "nexus-outbox");
        p.setProperty("plugin.name", "pgoutput");
        p.setProperty("slot.name", config.slotName());
        p.setProperty("publication.name", config.publicationName());
        p.setProperty("publication.autocreate.mode", "disabled");
        p.setProperty("table.include.list", "public.outbox");
        p.setProperty("snapshot.mode", "no_data");
        p.setProperty("tombstones.on.delete", "false");
        p.setProperty("errors.max.retries", "-1");
        // no __debezium.context.* headers: consumers see CloudEvents attributes only
        p.setProperty("extended.headers.enabled", "false");
        p.setProperty("transforms", "outbox,ceSource,contentType");
        p.setProperty("transforms.outbox.type", "io.debezium.transforms.outbox.EventRouter");
        p.setProperty("transforms.outbox.table.field.event.id", "id");
        p.setProperty("transforms.outbox.table.field.event.key", "aggregateid");
        p.setProperty("transforms.outbox.table.field.event.payload", "payload");
        p.setProperty("transforms.outbox.route.by.field", "aggregatetype");
        p.setProperty("transforms.outbox.route.topic.replacement", "${routedByValue}");
        p.setProperty("transforms.outbox.route.tombstone.on.empty.payload", "true");
        p.setProperty("transforms.outbox.table.fields.additional.placement",
                "id:header:ce_id,type:header:ce_type,created_at:header:ce_time,specversion:header:ce_specversion");
        p.setProperty("transforms.ceSource.type", "org.apache.kafka.connect.transforms.InsertHeader");
        p.setProperty("transforms.ceSource.header", "ce_source");
        p.setProperty("transforms.ceSource.value.literal", config.source());
        p.setProperty("transforms.contentType.type", "org.apache.kafka.connect.transforms.InsertHeader");
        p.setProperty("transforms.contentType.header", "content-type");
        p.setProperty("transforms.contentType.value.literal", "application/json");
        return p;
    }
}
