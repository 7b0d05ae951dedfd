package io.nexusconnect.sims.common.requests;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * How many requests each operation received, and with which HTTP status, so tests can assert e.g. that paging
 * happened or that a 429 was retried. Sandbox requests are logged as {@code sandbox/<operationId>}, the token
 * endpoint as {@code lwaToken}.
 */
public final class RequestLog {
    private final ConcurrentMap<String, LongAdder> byOperation = new ConcurrentHashMap<>();
    private final ConcurrentMap<String, LongAdder> byOperationAndStatus = new ConcurrentHashMap<>();
    private final LongAdder total = new LongAdder();

    public void record(String operationId, int status) {
        byOperation.computeIfAbsent(operationId, k -> new LongAdder()).increment();
        byOperationAndStatus.computeIfAbsent(operationId + " " + status, k -> new LongAdder()).increment();
        total.increment();
    }

    public long count(String operationId) {
        LongAdder adder = byOperation.get(operationId);
        return adder == null ? 0 : adder.sum();
    }

    public long count(String operationId, int status) {
        LongAdder adder = byOperationAndStatus.get(operationId + " " + status);
        return adder == null ? 0 : adder.sum();
    }

    public long total() {
        return total.sum();
    }

    /** Operation to request count, sorted by operation. */
    public Map<String, Long> counts() {
        Map<String, Long> counts = new TreeMap<>();
        byOperation.forEach((op, n) -> counts.put(op, n.sum()));
        return counts;
    }

    /** "operation status" to request count, sorted. */
    public Map<String, Long> countsByStatus() {
        Map<String, Long> counts = new TreeMap<>();
        byOperationAndStatus.forEach((key, n) -> counts.put(key, n.sum()));
        return counts;
    }

    public void reset() {
        byOperation.clear();
        byOperationAndStatus.clear();
        total.reset();
    }
}
