package io.nexusconnect.sims.amazon.reports;

import io.nexusconnect.sims.amazon.http.Processing;

import java.time.Instant;
import java.util.List;

/**
 * A report as getReport shows it. The status follows the simulator clock: IN_QUEUE for the first quarter of the
 * processing delay, IN_PROGRESS until {@code doneAt}, then DONE, CANCELLED (no data, or a cancellation) or FATAL once
 * processed.
 */
record SimReport(String reportId, String sellingPartnerId, String reportType, List<String> marketplaceIds,
                 Instant dataStartTime, Instant dataEndTime, Instant createdTime, Instant startAt, Instant doneAt,
                 ReportFault fault, String outcome, String reportDocumentId) {

    static final String DONE = "DONE";
    static final String CANCELLED = "CANCELLED";
    static final String FATAL = "FATAL";

    SimReport {
        marketplaceIds = List.copyOf(marketplaceIds);
    }

    String status(Instant now) {
        return Processing.status(now, startAt, outcome);
    }

    boolean due(Instant now) {
        return Processing.due(now, doneAt, outcome);
    }

    SimReport processed(String result, String documentId, ReportFault applied) {
        return new SimReport(reportId, sellingPartnerId, reportType, marketplaceIds, dataStartTime, dataEndTime,
                createdTime, startAt, doneAt, applied, result, documentId);
    }
}
