package io.nexusconnect.adapterkit.client;

/**
 * Pacing on what a marketplace announces in its answers beyond a rate (Walmart's "bucket empty until" headers): asked
 * before each call of an account and operation, told of each call's final answer. The configured token buckets stay
 * in force; a pacer only ever makes calls slower.
 */
public interface CallPacer {
    CallPacer NONE = new CallPacer() {
        @Override
        public void awaitTurn(String accountKey, String operation) {
        }

        @Override
        public void observe(String accountKey, String operation, MarketplaceResponse response) {
        }
    };

    /** Waits (through the kit's {@link Sleeper}) until the marketplace is ready for this call. */
    void awaitTurn(String accountKey, String operation);

    /** The answer the call ended with (after the HTTP client's retries), whatever its status. */
    void observe(String accountKey, String operation, MarketplaceResponse response);
}
