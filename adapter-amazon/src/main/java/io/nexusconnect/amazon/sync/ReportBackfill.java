package io.nexusconnect.amazon.sync;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.amazon.client.AmazonAccount;
import io.nexusconnect.amazon.client.PresignedUrls;
import io.nexusconnect.amazon.client.SpApiClient;
import io.nexusconnect.amazon.config.AmazonConfig;
import io.nexusconnect.amazon.reports.BackfillState;
import io.nexusconnect.amazon.reports.MalformedReportException;
import io.nexusconnect.amazon.reports.OrderReportParser;
import io.nexusconnect.amazon.reports.ReportDocuments;
import io.nexusconnect.amazon.reports.ReportOrderMapper;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncScope;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;

/**
 * The orders of a backfill read through order tracking reports, window by window (BEHAVIOR.md, "Backfill through the
 * Reports API"): every window's report is created first (createReport's burst of 15 covers a year of 30-day windows,
 * and Amazon prepares them side by side), the state is checkpointed, then each window is polled with getReport until
 * DONE / CANCELLED / FATAL, downloaded, parsed and published, and checkpointed. A window whose report is CANCELLED,
 * FATAL, malformed or cannot be downloaded is read through getOrders + getOrderItems instead.
 */
final class ReportBackfill {
    static final String REPORT_TYPE = "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL";
    private static final Logger LOG = Logger.getLogger(ReportBackfill.class);

    /** Reads one window through the Orders API, checkpointing as it goes. */
    interface ApiWindow {
        void read(RecordSink sink, Instant from, Instant to);
    }

    private final SpApiClient api;
    private final ReportDocuments documents;
    private final CycleContext context;
    private final AmazonAccount account;
    private final AmazonConfig.Reports settings;
    private final Sleeper sleeper;
    private final double speedFactor;

    ReportBackfill(SpApiClient api, ReportDocuments documents, CycleContext context, AmazonAccount account,
                   AmazonConfig.Reports settings, Sleeper sleeper, double speedFactor) {
        this.api = api;
        this.documents = documents;
        this.context = context;
        this.account = account;
        this.settings = settings;
        this.sleeper = sleeper;
        this.speedFactor = speedFactor;
    }

    /** Reads every window of {@code state}; publishes through {@code publish}, falls back through {@code byApi}. */
    void run(RecordSink sink, BackfillState state, Consumer<Order> publish, ApiWindow byApi) {
        for (int i = 0; i < state.windows().size(); i++) {
            if (state.windows().get(i).reportId() == null) {
                state = state.with(i, createReport(state.windows().get(i)));
            }
        }
        // the report ids go into the cursors at once: a cycle that stops from here on continues with these reports
        sink.checkpoint(Map.of(BackfillState.CURSOR, state.encode()));
        for (int i = 0; i < state.windows().size(); i++) {
            BackfillState.Entry window = state.windows().get(i);
            Optional<List<Order>> orders = window.byApi() ? Optional.empty() : read(window);
            if (orders.isPresent()) {
                orders.get().forEach(publish);
            } else {
                state = state.with(i, BackfillState.API);
                sink.checkpoint(Map.of(BackfillState.CURSOR, state.after(window.start()).encode()));
                byApi.read(sink, window.start(), window.end());
            }
            sink.checkpoint(Map.of(OrdersStep.CURSOR, window.end().toString(),
                    BackfillState.CURSOR, state.after(window.end()).encode()));
            sink.pageCompleted(SyncScope.ORDERS);
        }
    }

    private String createReport(BackfillState.Entry window) {
        ObjectNode body = Json.mapper().createObjectNode().put("reportType", REPORT_TYPE)
                .put("dataStartTime", window.start().toString()).put("dataEndTime", window.end().toString());
        account.marketplaceIds().forEach(body.putArray("marketplaceIds")::add);
        return json(api.createReport(account, body.toString()), "reportId").path("reportId").asText();
    }

    /** The window's orders from its report, or empty when the window must be read through the Orders API. */
    private Optional<List<Order>> read(BackfillState.Entry window) {
        String reportId = window.reportId();
        JsonNode report = awaitFinished(reportId);
        String status = report.path("processingStatus").asText();
        if (!"DONE".equals(status)) {
            // CANCELLED: no data, or cancelled; FATAL: aborted. Either way the Orders API tells what the window holds
            LOG.infof("connection %s: report %s %s for %s..%s; reading the window through getOrders",
                    account.connectionId(), reportId, status, window.start(), window.end());
            return Optional.empty();
        }
        if (!report.hasNonNull("reportDocumentId")) {
            throw new MarketplaceException(ErrorCode.MALFORMED_RESPONSE, "report " + reportId + " DONE without a reportDocumentId");
        }
        String documentId = report.path("reportDocumentId").asText();
        for (int attempt = 1; attempt <= settings.documentAttempts(); attempt++) {
            // a fresh URL each attempt: a pre-signed URL expires after five minutes
            JsonNode document = json(api.getReportDocument(account, documentId), "url");
            ReportDocuments.Download download = documents.fetch(PresignedUrls.check(account, document.path("url").asText()));
            if (!download.ok()) {
                LOG.infof("connection %s: report document %s answered %d (attempt %d)", account.connectionId(),
                        documentId, download.status(), attempt);
                continue;
            }
            try {
                String text = ReportDocuments.text(download.body(), document.path("compressionAlgorithm").asText(null),
                        download.contentType());
                return Optional.of(ReportOrderMapper.toOrders(OrderReportParser.parse(text), new ReportOrderMapper.Context(
                        account.connectionId(), account.tenantId(), account.currencyOverride(),
                        account.marketplaceIds().getFirst(), context.syncId(), context.clock().instant())));
            } catch (MalformedReportException e) {
                LOG.warnf("connection %s: report %s cannot be read (%s); reading the window through getOrders",
                        account.connectionId(), reportId, e.getMessage());
                return Optional.empty();
            }
        }
        LOG.warnf("connection %s: report document %s could not be downloaded; reading the window through getOrders",
                account.connectionId(), documentId);
        return Optional.empty();
    }

    private JsonNode awaitFinished(String reportId) {
        Instant giveUp = context.clock().instant().plus(scaled(settings.maxWait()));
        while (true) {
            JsonNode report = json(api.getReport(account, reportId), "processingStatus");
            String status = report.path("processingStatus").asText();
            if (status.equals("DONE") || status.equals("CANCELLED") || status.equals("FATAL")) {
                return report;
            }
            if (context.clock().instant().isAfter(giveUp)) {
                throw new MarketplaceException(ErrorCode.MARKETPLACE_UNAVAILABLE, "report " + reportId + " still "
                        + status + " after " + settings.maxWait());
            }
            try {
                sleeper.sleep(scaled(settings.pollInterval()));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MarketplaceException(ErrorCode.INTERNAL, "interrupted while waiting for a report");
            }
        }
    }

    private Duration scaled(Duration duration) {
        return Duration.ofNanos((long) (duration.toNanos() / speedFactor));
    }

    private static JsonNode json(MarketplaceResponse response, String required) {
        JsonNode body;
        try {
            body = response.json();
        } catch (RuntimeException e) {
            throw response.malformed("a reports answer that is not JSON", e);
        }
        if (!body.hasNonNull(required)) {
            throw response.malformed("a reports answer without " + required, null);
        }
        return body;
    }
}
