package io.nexusconnect.amazon.reports;

import io.nexusconnect.amazon.mapping.AmazonOrderStatus;
import io.nexusconnect.amazon.mapping.LineKeys;
import io.nexusconnect.amazon.mapping.MoneyMapping;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.AmazonMarketplaces;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.UUID;

/**
 * Rows of the order tracking report to normalized {@link Order}s, one per {@code amazon-order-id} with a line per
 * row, field for field as {@link io.nexusconnect.amazon.mapping.OrderMapper} maps getOrders + getOrderItems
 * (BEHAVIOR.md, "What the report lacks or differs on"). Pure.
 */
public final class ReportOrderMapper {
    /** The account the rows belong to, and the cycle that read them. */
    public record Context(UUID connectionId, String tenantId, String currencyOverride, String defaultMarketplaceId,
                          UUID syncId, Instant observedAt) {
    }

    private ReportOrderMapper() {
    }

    /**
     * @return the orders in the order their first row appears
     * @throws MalformedReportException when a row cannot be read; it names the row
     */
    public static List<Order> toOrders(List<OrderReportParser.Row> rows, Context context) {
        Map<String, List<OrderReportParser.Row>> byOrder = new LinkedHashMap<>();
        for (OrderReportParser.Row row : rows) {
            String id = row.get("amazon-order-id");
            if (id.isEmpty()) {
                throw new MalformedReportException("row " + row.line() + " has no amazon-order-id");
            }
            byOrder.computeIfAbsent(id, k -> new ArrayList<>()).add(row);
        }
        List<Order> orders = new ArrayList<>(byOrder.size());
        byOrder.forEach((id, orderRows) -> orders.add(order(id, orderRows, context)));
        return orders;
    }

    private static Order order(String id, List<OrderReportParser.Row> rows, Context context) {
        OrderReportParser.Row first = rows.getFirst();
        try {
            String marketplaceId = marketplaceId(first.get("sales-channel"), context.defaultMarketplaceId());
            String currency = first.get("currency");
            List<String> keys = LineKeys.of(rows.stream().map(r -> r.get("sku")).toList(),
                    rows.stream().map(r -> r.get("asin")).toList());
            List<OrderLine> lines = new ArrayList<>(rows.size());
            BigDecimal total = BigDecimal.ZERO;
            boolean priced = true;
            for (int i = 0; i < rows.size(); i++) {
                OrderReportParser.Row row = rows.get(i);
                lines.add(line(keys.get(i), row, currency, context.currencyOverride(), marketplaceId));
                String itemPrice = ReportAmounts.parse(row.get("item-price"));
                priced &= itemPrice != null;
                total = total.add(amount(row, "item-price")).add(amount(row, "item-tax"))
                        .add(amount(row, "shipping-price")).add(amount(row, "shipping-tax"))
                        .add(amount(row, "gift-wrap-price")).add(amount(row, "gift-wrap-tax"))
                        .subtract(amount(row, "item-promotion-discount").abs())
                        .subtract(amount(row, "ship-promotion-discount").abs());
            }
            String status = require(first, "order-status");
            String merchantOrderId = first.get("merchant-order-id");
            // pending orders have no prices: like getOrders' missing OrderTotal, the total is then absent
            Money orderTotal = priced ? MoneyMapping.money(total.toPlainString(), currency, context.currencyOverride(),
                    marketplaceId) : null;
            return new Order(context.connectionId(), context.tenantId(), Marketplace.AMAZON, id,
                    merchantOrderId.isEmpty() ? id : merchantOrderId,
                    AmazonOrderStatus.normalize(status), status,
                    instant(first, "purchase-date"), instant(first, "last-updated-date"), orderTotal, marketplaceId,
                    fulfillmentChannel(first.get("fulfillment-channel")), lines, context.syncId(), context.observedAt());
        } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
            throw new MalformedReportException("order " + id + " (row " + first.line() + "): " + e.getMessage());
        }
    }

    private static OrderLine line(String lineId, OrderReportParser.Row row, String currency, String override,
                                  String marketplaceId) {
        int quantity;
        try {
            quantity = Integer.parseInt(require(row, "quantity"));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("row " + row.line() + ": quantity '" + row.get("quantity")
                    + "' is not a number");
        }
        // the report has no shipped quantity, only an item status: a shipped item counts whole, any other none
        int shipped = "Shipped".equalsIgnoreCase(row.get("item-status")) ? quantity : 0;
        Money lineTotal = money(row, "item-price", currency, override, marketplaceId);
        Money discount = money(row, "item-promotion-discount", currency, override, marketplaceId);
        if (discount != null && discount.decimal().signum() < 0) {
            discount = Money.of(discount.decimal().negate(), discount.currency());
        }
        return new OrderLine(lineId, blankToNull(row.get("sku")), blankToNull(row.get("asin")),
                blankToNull(row.get("product-name")), quantity, shipped, MoneyMapping.unitPrice(lineTotal, quantity),
                lineTotal, money(row, "item-tax", currency, override, marketplaceId),
                money(row, "shipping-price", currency, override, marketplaceId), discount);
    }

    private static Money money(OrderReportParser.Row row, String column, String currency, String override,
                               String marketplaceId) {
        return MoneyMapping.money(ReportAmounts.parse(row.get(column)), currency, override, marketplaceId);
    }

    private static BigDecimal amount(OrderReportParser.Row row, String column) {
        String value = ReportAmounts.parse(row.get(column));
        return value == null ? BigDecimal.ZERO : new BigDecimal(value);
    }

    /** {@code sales-channel} is the marketplace's site ("Amazon.com"); anything else is the connection's first one. */
    static String marketplaceId(String salesChannel, String fallback) {
        String site = salesChannel.toLowerCase(Locale.ROOT);
        return AmazonMarketplaces.ALL.stream().filter(m -> m.domain().equals(site)).findFirst()
                .map(AmazonMarketplaces.AmazonMarketplace::id).orElse(fallback);
    }

    /** The report says "Amazon" / "Merchant" where getOrders says AFN / MFN. */
    static String fulfillmentChannel(String value) {
        return switch (value) {
            case "Amazon" -> "AFN";
            case "Merchant" -> "MFN";
            default -> blankToNull(value);
        };
    }

    private static Instant instant(OrderReportParser.Row row, String column) {
        return OffsetDateTime.parse(require(row, column)).toInstant();
    }

    private static String require(OrderReportParser.Row row, String column) {
        String value = row.get(column);
        if (value.isEmpty()) {
            throw new IllegalArgumentException("row " + row.line() + " has no " + column);
        }
        return value;
    }

    private static String blankToNull(String value) {
        return value == null || value.isBlank() ? null : value;
    }
}
