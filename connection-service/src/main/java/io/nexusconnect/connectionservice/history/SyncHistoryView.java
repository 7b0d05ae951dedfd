package io.nexusconnect.connectionservice.history;

import io.nexusconnect.contracts.sync.ErrorCode;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.UUID;

/** One page of the sync log of a connection, newest cycle first. */
@Schema(name = "SyncHistoryPage")
public record SyncHistoryView(int page, int size, long total, List<Cycle> items) {

    @Schema(name = "SyncCycle")
    public record Cycle(
            UUID syncId,
            @Schema(enumeration = {"schedule", "manual", "webhook", "retry", "reconnect"}) String trigger,
            Integer attempt,
            Instant startedAt,
            Instant finishedAt,
            Long durationMs,
            @Schema(enumeration = {"running", "success", "partial", "failed"}) String status,
            Counts counts,
            @Schema(description = "present when the cycle failed or was partial") CycleError error) {
    }

    @Schema(name = "SyncCounts", description = "records processed, by kind")
    public record Counts(long products, long orders, long inventory) {
    }

    @Schema(name = "SyncCycleError")
    public record CycleError(String code, String title, String message, Integer httpStatus,
                             @Schema(description = "the marketplace's own response (at most 16 KiB)") String rawResponse,
                             String requestId) {
    }

    static Cycle cycle(SyncHistoryEntity h) {
        CycleError error = h.errorCode == null && h.errorMessage == null ? null
                : new CycleError(h.errorCode, title(h.errorCode), h.errorMessage, h.errorHttpStatus, h.errorRawResponse,
                h.errorRequestId);
        return new Cycle(h.syncId, h.trigger, h.attempt, h.startedAt, h.finishedAt, h.durationMs, h.status,
                new Counts(h.productsCount, h.ordersCount, h.inventoryCount), error);
    }

    private static String title(String code) {
        if (code == null) {
            return null;
        }
        try {
            return ErrorCode.valueOf(code.toUpperCase(Locale.ROOT)).title();
        } catch (IllegalArgumentException e) {
            return null;
        }
    }
}
