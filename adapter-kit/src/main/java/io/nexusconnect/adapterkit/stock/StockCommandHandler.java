package io.nexusconnect.adapterkit.stock;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.metrics.KitMetrics;
import io.nexusconnect.adapterkit.sync.PoisonRecordException;
import io.nexusconnect.adapterkit.sync.RecordHandler;
import io.nexusconnect.contracts.kafka.CloudEvents;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.MalformedEventException;
import io.nexusconnect.contracts.stock.SetStock;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Turns a record of {@code nexus.stock-commands.<marketplace>.v1} into quantities on the marketplace, through the
 * adapter's {@link StockWriter}. It returns (and the offset is committed) only when the marketplace accepted every
 * item. Outcomes:
 * <ul>
 *   <li>unreadable / schema-invalid / another marketplace / no snapshot with sealed credentials: poison, to the DLQ;</li>
 *   <li>items the marketplace refused, or a permanent failure of the call (credentials, scope, suspension, a 4xx
 *   about our request): {@link StockRejectedException}, to the DLQ with the marketplace's answer;</li>
 *   <li>a transient failure (throttled beyond the HTTP client's own retries, marketplace down, unreadable answer):
 *   rethrown, so the record loop retries the command with backoff and dead-letters it after its attempts.</li>
 * </ul>
 */
public final class StockCommandHandler implements RecordHandler {
    private static final Logger LOG = Logger.getLogger(StockCommandHandler.class);

    private final StockWriter writer;
    private final CredentialOpener credentials;
    private final KitMetrics metrics;

    public StockCommandHandler(StockWriter writer, CredentialOpener credentials) {
        this(writer, credentials, KitMetrics.none());
    }

    public StockCommandHandler(StockWriter writer, CredentialOpener credentials, KitMetrics metrics) {
        this.writer = writer;
        this.credentials = credentials;
        this.metrics = metrics;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) {
        SetStock command = parse(record);
        List<StockWriter.Rejection> rejections;
        try {
            ConnectionCredentials opened = credentials.open(command.connection());
            rejections = writer.setStock(command.connection(), opened, command.items());
        } catch (MarketplaceException e) {
            if (isTransient(e)) {
                metrics.stockCommand(writer.marketplace(), KitMetrics.StockResult.RETRIED);
                throw e;
            }
            metrics.stockCommand(writer.marketplace(), KitMetrics.StockResult.REJECTED);
            LOG.warnf("stock command %s of connection %s refused: %s %s", command.commandId(), command.connectionId(),
                    e.code().json(), e.getMessage());
            throw new StockRejectedException(e.code().json() + ": " + e.getMessage()
                    + (e.requestId() == null ? "" : " (request " + e.requestId() + ")"), e);
        }
        if (!rejections.isEmpty()) {
            metrics.stockCommand(writer.marketplace(), KitMetrics.StockResult.REJECTED);
            String reason = rejections.stream().map(r -> r.sku() + ": " + r.reason()).collect(Collectors.joining("; "));
            LOG.warnf("stock command %s of connection %s: %d of %d items rejected: %s", command.commandId(),
                    command.connectionId(), rejections.size(), command.items().size(), reason);
            throw new StockRejectedException("rejected by " + command.marketplace().id() + " (" + rejections.size()
                    + " of " + command.items().size() + " items; the others were set): " + reason);
        }
        metrics.stockCommand(writer.marketplace(), KitMetrics.StockResult.APPLIED);
        LOG.debugf("stock command %s of connection %s applied (%d items)", command.commandId(), command.connectionId(),
                command.items().size());
    }

    /**
     * Retried: throttling and outages pass. Not retried: what the seller or operator must fix, and a 4xx about our
     * request (INTERNAL with a status), which would be refused again; INTERNAL without a status (a fault of ours,
     * e.g. an unexpected answer) is retried and ends in the DLQ after the loop's attempts.
     */
    static boolean isTransient(MarketplaceException e) {
        return e.isTransient();
    }

    SetStock parse(ConsumerRecord<String, String> record) {
        if (record.value() == null || record.value().isBlank()) {
            throw new PoisonRecordException("empty value: a stock command must be a SetStock JSON document");
        }
        CloudEvents.get(record.headers(), CloudEvents.TYPE)
                .filter(type -> !type.equals(SetStock.TYPE))
                .ifPresent(type -> {
                    throw new PoisonRecordException("ce_type " + type + " is not " + SetStock.TYPE);
                });
        Set<String> violations = EventSchemas.violations(SetStock.TYPE, record.value());
        if (!violations.isEmpty()) {
            throw new PoisonRecordException("not a valid SetStock: " + String.join("; ", violations));
        }
        SetStock command;
        try {
            command = Json.read(record.value(), SetStock.class);
        } catch (MalformedEventException e) {
            throw new PoisonRecordException(e.getMessage(), e);
        }
        if (command.marketplace() != writer.marketplace()) {
            throw new PoisonRecordException("stock command for marketplace " + command.marketplace().id()
                    + " reached the " + writer.marketplace().id() + " adapter");
        }
        if (command.connection() == null || !command.connectionId().equals(command.connection().connectionId())) {
            throw new PoisonRecordException("stock command " + command.commandId()
                    + " does not carry the snapshot of connection " + command.connectionId());
        }
        if (command.connection().credentials() == null) {
            throw new PoisonRecordException("connection " + command.connectionId() + " has no sealed credentials");
        }
        return command;
    }
}
