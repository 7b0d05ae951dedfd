package io.nexusconnect.amazon.mapping;

import io.nexusconnect.contracts.connection.AmazonMarketplaces;
import io.nexusconnect.contracts.normalized.Money;

import java.math.BigDecimal;
import java.math.RoundingMode;

/**
 * Amazon amounts to {@link Money}: decimal strings, never floats. The currency is the connection's override when it
 * has one, else what Amazon reports, else the marketplace's default currency. The override relabels; it converts
 * nothing (nexus has no exchange rates).
 */
public final class MoneyMapping {
    private MoneyMapping() {
    }

    /** Null when Amazon sent no amount (e.g. Pending orders have no OrderTotal). */
    public static Money money(String amount, String reportedCurrency, String override, String marketplaceId) {
        if (amount == null || amount.isBlank()) {
            return null;
        }
        BigDecimal decimal = new BigDecimal(amount.trim());
        return Money.of(decimal, currency(reportedCurrency, override, marketplaceId));
    }

    public static String currency(String reportedCurrency, String override, String marketplaceId) {
        if (override != null) {
            return override;
        }
        if (reportedCurrency != null && !reportedCurrency.isBlank()) {
            return reportedCurrency;
        }
        return marketplaceId == null ? null : AmazonMarketplaces.find(marketplaceId)
                .map(AmazonMarketplaces.AmazonMarketplace::currency).orElse(null);
    }

    /** ItemPrice is the line total; the unit price is derived, keeping at least two decimals. */
    public static Money unitPrice(Money lineTotal, int quantity) {
        if (lineTotal == null || quantity <= 0) {
            return null;
        }
        BigDecimal total = lineTotal.decimal();
        int scale = Math.max(total.scale(), 2);
        return Money.of(total.divide(BigDecimal.valueOf(quantity), scale, RoundingMode.HALF_EVEN), lineTotal.currency());
    }
}
