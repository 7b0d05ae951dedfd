package io.nexusconnect.adapterkit.stock;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.consumer.RecordHandler;
import io.nexusconnect.adapterkit.metrics.KitMetrics;
import io.nexusconnect.contracts.kafka.EventDecoder;
import io.nexusconnect.contracts.kafka.PoisonRecordException;
import io.nexusconnect.contracts.kafka.TransientFailureException;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.ErrorCode;
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
 *   <li>a transient failure (throttled beyond the HTTP client's own retries, marketplace down, a timeout):
 *   a {@link TransientFailureException}, so the consumer retries the command in order until the marketplace answers
 *   (never dead-lettered);</li>
 *   <li>a fault of ours (an answer we could not understand): rethrown, retried a few times, then dead-lettered.</li>
 * </ul>
 */
public final class StockCommandHandler implements RecordHandler {
    private static final Logger LOG = Logger.getLogger(StockCommandHandler.class);
    private static final Set<ErrorCode> TRANSIENT = Set.of(ErrorCode.RATE_LIMITED, ErrorCode.MARKETPLACE_UNAVAILABLE,
            ErrorCode.MALFORMED_RESPONSE, ErrorCode.TIMEOUT);

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
                throw new TransientFailureException(e.code().json() + ": " + e.getMessage(), e);
            }
            if (isFault(e)) {
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

    /** Throttling and outages pass: retried until they do. */
    static boolean isTransient(MarketplaceException e) {
        return TRANSIENT.contains(e.code());
    }

    /**
     * INTERNAL without a status is a fault of ours (e.g. an answer we did not expect): retried a few times, then
     * dead-lettered. Not retried: what the seller or operator must fix, and a 4xx about our request (INTERNAL with a
     * status), which would be refused again.
     */
    static boolean isFault(MarketplaceException e) {
        return e.code() == ErrorCode.INTERNAL && e.httpStatus() == null
                && !(e.getCause() instanceof CredentialSealer.SealingException);
    }

    SetStock parse(ConsumerRecord<String, String> record) {
        SetStock command = EventDecoder.decode(record.value(), record.headers(), SetStock.TYPE, SetStock.class);
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
