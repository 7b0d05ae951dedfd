package io.nexusconnect.sims.amazon.reports;

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

    static final String IN_QUEUE = "IN_QUEUE";
    static final String IN_PROGRESS = "IN_PROGRESS";
    static final String DONE = "DONE";
    static final String CANCELLED = "CANCELLED";
    static final String FATAL = "FATAL";

    SimReport {
        marketplaceIds = List.copyOf(marketplaceIds);
    }

    String status(Instant now) {
        if (outcome != null) {
            return outcome;
        }
        return now.isBefore(startAt) ? IN_QUEUE : IN_PROGRESS;
    }

    boolean due(Instant now) {
        return outcome == null && !now.isBefore(doneAt);
    }

    SimReport processed(String result, String documentId, ReportFault applied) {
        return new SimReport(reportId, sellingPartnerId, reportType, marketplaceIds, dataStartTime, dataEndTime,
                createdTime, startAt, doneAt, applied, result, documentId);
    }
}
