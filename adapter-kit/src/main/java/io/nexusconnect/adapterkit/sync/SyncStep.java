package io.nexusconnect.adapterkit.sync;

import io.nexusconnect.contracts.sync.SyncScope;

import java.util.Map;
import java.util.Set;

/**
 * One independently failing part of a cycle, e.g. "orders" or "listings" (which yields products and inventory). A
 * step that fails keeps its previous cursors; the others still advance theirs, and the cycle is partial.
 *
 * @param name   for logs and error messages
 * @param scopes what the step publishes
 * @param body   reads the marketplace, writes to the sink, and answers the cursors the next cycle continues from
 */
public record SyncStep(String name, Set<SyncScope> scopes, Body body) {

    @FunctionalInterface
    public interface Body {
        Map<String, String> run(RecordSink sink) throws Exception;
    }

    public SyncStep {
        scopes = Set.copyOf(scopes);
    }
}
