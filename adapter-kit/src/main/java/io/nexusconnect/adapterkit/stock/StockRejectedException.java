package io.nexusconnect.adapterkit.stock;

import io.nexusconnect.contracts.kafka.PoisonRecordException;

/**
 * The marketplace refused a stock command for good (invalid submission, unknown SKU, credentials the seller must fix).
 * No event of the contracts reports a failed stock push, so the command goes to {@code <topic>.dlq} with this
 * exception's class in {@code dlq.error} (telling a rejection apart from an unreadable record) and the marketplace's
 * answer in {@code dlq.reason}; it can be replayed once the cause is fixed.
 */
public class StockRejectedException extends PoisonRecordException {
    public StockRejectedException(String reason) {
        super(reason);
    }

    public StockRejectedException(String reason, Throwable cause) {
        super(reason, cause);
    }
}
