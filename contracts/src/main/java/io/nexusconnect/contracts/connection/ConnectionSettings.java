package io.nexusconnect.contracts.connection;

/**
 * Per-connection settings of the product page. {@code currency} is an ISO 4217 override of the marketplace's own
 * currency, or null for the marketplace default; {@code syncWindow} is null when polling may happen at any hour.
 */
public record ConnectionSettings(
        SyncInterval syncInterval,
        SyncWindow syncWindow,
        OrderLookback orderLookback,
        int inventoryBufferPercent,
        boolean autoReconnect,
        String currency) {

    public static final int MAX_BUFFER_PERCENT = 50;

    public static ConnectionSettings defaults() {
        return new ConnectionSettings(SyncInterval.HOURLY, null, OrderLookback.THIRTY_DAYS, 0, true, null);
    }
}
