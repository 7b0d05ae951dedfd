package io.nexusconnect.sims.amazon.reports;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.amazon.feeds.FeedDocuments;
import io.nexusconnect.sims.amazon.http.Processing;
import io.nexusconnect.sims.amazon.http.SpApiCall;
import io.nexusconnect.sims.amazon.http.SpApiErrors;
import io.nexusconnect.sims.amazon.http.SpApiException;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.amazon.state.SellerStore;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Queue;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Function;
import java.util.zip.GZIPOutputStream;

/**
 * Reports API 2021-06-30 for the order tracking report {@value OrderTrackingReport#REPORT_TYPE}: createReport,
 * getReport, getReportDocument (BEHAVIOR.md, "Reports API"). A report is processed after a delay (default 2 minutes,
 * divided by the speed factor like the rates), lazily: the first getReport at or after its end reads the seller's
 * orders whose LastUpdateDate lies in [dataStartTime, dataEndTime] (the same index getOrders reads) and writes the
 * document; a window without orders ends CANCELLED, as the model says Amazon does when there is no data.
 */
public final class ReportsApi {
    public static final Duration DEFAULT_PROCESSING_DELAY = Duration.ofMinutes(2);
    /** The longest window the simulator accepts for this report type (documented as 30 days, BEHAVIOR.md). */
    public static final Duration MAX_WINDOW = Duration.ofDays(30);

    private final Function<String, SellerStore> stores;
    private final FeedDocuments documents;
    private final Clock clock;
    private final double speedFactor;
    private final Map<String, SimReport> reports = new ConcurrentHashMap<>();
    private final AtomicLong nextReportId = new AtomicLong(50_001_020_000L);
    private final Queue<ReportFault> faults = new ConcurrentLinkedQueue<>();
    private final Set<String> expireFirstUrl = ConcurrentHashMap.newKeySet();
    private volatile Duration processingDelay = DEFAULT_PROCESSING_DELAY;
    private volatile boolean gzip = true;
    private volatile Charset charset = StandardCharsets.UTF_8;

    public ReportsApi(Function<String, SellerStore> stores, FeedDocuments documents, Clock clock, double speedFactor) {
        this.stores = stores;
        this.documents = documents;
        this.clock = clock;
        this.speedFactor = speedFactor;
    }

    /** How long Amazon takes from createReport to DONE, in Amazon's time (divided by the speed factor here). */
    public ReportsApi processingDelay(Duration delay) {
        this.processingDelay = delay;
        return this;
    }

    /** Whether documents are gzip-compressed ({@code compressionAlgorithm: GZIP}); on by default. */
    public ReportsApi gzip(boolean value) {
        this.gzip = value;
        return this;
    }

    /** The charset documents are written in, named in the download's Content-Type (UTF-8 by default). */
    public ReportsApi charset(Charset value) {
        this.charset = value;
        return this;
    }

    /** The next report processed that has data gets this fault; several queue up in order. */
    public void inject(ReportFault fault) {
        faults.add(fault);
    }

    public void clearFaults() {
        faults.clear();
    }

    /** Every report created so far, oldest first (for tests). */
    public List<String> reportIds() {
        List<String> ids = new ArrayList<>(reports.keySet());
        ids.sort(String::compareTo);
        return ids;
    }

    /** {@code POST /reports/2021-06-30/reports}: 202 {reportId}. */
    public SimResponse createReport(SpApiCall call) {
        JsonNode body = call.bodyJson();
        if (body == null || !body.path("reportType").isTextual() || !body.path("marketplaceIds").isArray()
                || body.path("marketplaceIds").isEmpty() || body.path("marketplaceIds").size() > 25) {
            throw SpApiException.invalidInput("'reportType' and 'marketplaceIds' (1 to 25) are required.");
        }
        if (!OrderTrackingReport.REPORT_TYPE.equals(body.path("reportType").asText())) {
            throw SpApiException.invalidInput("Report type " + body.path("reportType").asText()
                    + " is not simulated; use " + OrderTrackingReport.REPORT_TYPE + ".");
        }
        List<String> marketplaceIds = new ArrayList<>();
        for (JsonNode id : body.path("marketplaceIds")) {
            if (!id.asText().equals(call.seller().marketplaceId())) {
                throw SpApiException.invalidInput("Invalid marketplaceIds: the seller does not participate in "
                        + id.asText() + ".");
            }
            marketplaceIds.add(id.asText());
        }
        Instant now = clock.instant();
        Instant start = time(body, "dataStartTime", now);
        Instant end = time(body, "dataEndTime", now);
        if (start.isAfter(now) || end.isAfter(now)) {
            throw SpApiException.invalidInput("dataStartTime and dataEndTime must be prior to or equal to the current time.");
        }
        if (start.isAfter(end)) {
            throw SpApiException.invalidInput("dataStartTime must not be after dataEndTime.");
        }
        if (Duration.between(start, end).compareTo(MAX_WINDOW) > 0) {
            throw SpApiException.invalidInput("The date range of " + OrderTrackingReport.REPORT_TYPE
                    + " must not exceed " + MAX_WINDOW.toDays() + " days.");
        }
        Duration delay = Duration.ofNanos((long) (processingDelay.toNanos() / speedFactor));
        String reportId = Long.toString(nextReportId.getAndIncrement());
        reports.put(reportId, new SimReport(reportId, call.seller().sellingPartnerId(), OrderTrackingReport.REPORT_TYPE,
                marketplaceIds, start, end, now, Processing.startAt(now, delay), now.plus(delay), null, null, null));
        return SimResponse.json(202, Json.object().put("reportId", reportId));
    }

    /** {@code GET /reports/2021-06-30/reports/{reportId}}: the Report, processed first when it is due. */
    public SimResponse getReport(SpApiCall call) {
        SimReport report = reports.get(call.path("reportId"));
        if (report == null || !report.sellingPartnerId().equals(call.seller().sellingPartnerId())) {
            throw new SpApiException(SpApiErrors.notFound("NotFound", "The requested report was not found."));
        }
        Instant now = clock.instant();
        if (report.due(now)) {
            report = reports.compute(report.reportId(), (id, current) -> current.due(now) ? process(current) : current);
        }
        ObjectNode json = Json.object().put("reportId", report.reportId()).put("reportType", report.reportType());
        ArrayNode ids = json.putArray("marketplaceIds");
        report.marketplaceIds().forEach(ids::add);
        json.put("dataStartTime", Json.time(report.dataStartTime())).put("dataEndTime", Json.time(report.dataEndTime()))
                .put("createdTime", Json.time(report.createdTime())).put("processingStatus", report.status(now));
        if (!now.isBefore(report.startAt())) {
            json.put("processingStartTime", Json.time(report.startAt()));
        }
        if (report.outcome() != null) {
            json.put("processingEndTime", Json.time(report.doneAt()));
            if (report.reportDocumentId() != null) {
                json.put("reportDocumentId", report.reportDocumentId());
            }
        }
        return SimResponse.json(200, json);
    }

    /** {@code GET /reports/2021-06-30/documents/{reportDocumentId}}: {reportDocumentId, url, compressionAlgorithm?}. */
    public SimResponse getReportDocument(SpApiCall call) {
        String id = call.path("reportDocumentId");
        FeedDocuments.Document document = documents.find(id)
                .filter(d -> d.sellingPartnerId().equals(call.seller().sellingPartnerId()))
                .orElseThrow(() -> new SpApiException(SpApiErrors.notFound("NotFound",
                        "The requested report document was not found.")));
        String url = expireFirstUrl.remove(id) ? documents.url(document, clock.instant().minusSeconds(1))
                : documents.url(document);
        ObjectNode json = Json.object().put("reportDocumentId", document.id()).put("url", url);
        if (document.compressionAlgorithm() != null) {
            json.put("compressionAlgorithm", document.compressionAlgorithm());
        }
        return SimResponse.json(200, json);
    }

    private SimReport process(SimReport report) {
        SellerStore store = stores.apply(report.sellingPartnerId());
        List<SimOrder> orders = store.scan(true, report.dataStartTime(), report.dataEndTime(), null, o -> true,
                Integer.MAX_VALUE).orders();
        if (orders.isEmpty()) {
            return report.processed(SimReport.CANCELLED, null, null);
        }
        ReportFault fault = faults.poll();
        if (fault == ReportFault.FATAL) {
            return report.processed(SimReport.FATAL, null, fault);
        }
        if (fault == ReportFault.CANCELLED) {
            return report.processed(SimReport.CANCELLED, null, fault);
        }
        String tsv = OrderTrackingReport.write(orders);
        if (fault == ReportFault.MALFORMED_ROW) {
            int headerEnd = tsv.indexOf('\n') + 1;
            tsv = tsv.substring(0, headerEnd) + OrderTrackingReport.malformedRow(orders.getFirst()) + "\n"
                    + tsv.substring(headerEnd);
        }
        byte[] content = tsv.getBytes(charset);
        String contentType = "text/tab-separated-values; charset=" + charset.name();
        FeedDocuments.Document document = documents.store(report.sellingPartnerId(), contentType,
                gzip ? gzip(content) : content, gzip ? "GZIP" : null);
        if (fault == ReportFault.EXPIRED_URL) {
            expireFirstUrl.add(document.id());
        }
        return report.processed(SimReport.DONE, document.id(), fault);
    }

    private static byte[] gzip(byte[] content) {
        ByteArrayOutputStream out = new ByteArrayOutputStream(content.length / 4 + 64);
        try (GZIPOutputStream zip = new GZIPOutputStream(out)) {
            zip.write(content);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }

    private static Instant time(JsonNode body, String field, Instant absent) {
        if (!body.hasNonNull(field)) {
            return absent;
        }
        try {
            return OrderTrackingReport.parseTime(body.path(field).asText());
        } catch (DateTimeParseException e) {
            throw SpApiException.invalidInput("Invalid " + field + ": " + body.path(field).asText());
        }
    }
}
