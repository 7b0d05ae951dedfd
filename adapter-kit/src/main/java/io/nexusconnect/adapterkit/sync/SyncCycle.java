package io.nexusconnect.adapterkit.sync;

import io.nexusconnect.contracts.Marketplace;

import java.util.List;

/**
 * The SPI of an adapter's sync: which steps one cycle runs for a request. The kit's {@link CycleRunner} does the rest
 * (events, acknowledgements, cursors, error classification, outcome). Exactly one bean per adapter application.
 */
public interface SyncCycle {
    Marketplace marketplace();

    /** The steps for this cycle; usually one per marketplace resource, filtered by {@link CycleContext#wants}. */
    List<SyncStep> steps(CycleContext context);

    /**
     * Called before the steps of a cycle the orchestrator requested with trigger {@code reconnect} (token expired and
     * auto-reconnect on): drop cached authorisation so the cycle re-runs the marketplace's auth from the credentials.
     */
    default void reconnect(CycleContext context) {
    }
}
