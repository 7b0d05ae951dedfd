package io.nexusconnect.subscriber.state;

/**
 * The idempotency rule of every subscriber: keep one row per record key, and let a record replace it only when it is
 * newer ({@link Freshness}). Redelivered records (at-least-once), a re-read from the beginning, a re-sync of the
 * same data and a restart therefore all leave the same state.
 */
public final class UpsertRule {
    public enum Decision {
        /** No state for the key yet, or the record is newer: write it. */
        APPLY,
        /** The record is exactly as fresh as the state: a redelivery, nothing to do. */
        DUPLICATE,
        /** The state is newer than the record: keep the state. */
        STALE
    }

    private UpsertRule() {
    }

    /** What to do with a record of freshness {@code incoming} when the key's state has {@code stored} (null: none). */
    public static Decision decide(Freshness stored, Freshness incoming) {
        if (stored == null) {
            return Decision.APPLY;
        }
        int order = incoming.compareTo(stored);
        return order > 0 ? Decision.APPLY : order == 0 ? Decision.DUPLICATE : Decision.STALE;
    }
}
