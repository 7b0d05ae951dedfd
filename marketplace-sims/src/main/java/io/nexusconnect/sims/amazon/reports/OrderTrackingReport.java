package io.nexusconnect.sims.amazon.reports;

import io.nexusconnect.sims.amazon.model.FulfillmentChannel;
import io.nexusconnect.sims.amazon.model.Marketplace;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.amazon.model.SimOrderItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.List;

/**
 * The tab-separated content of {@code GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL}: a header row with the
 * columns of Amazon's "Order Tracking reports attributes" page, then one row per order item, written from the same
 * orders getOrders and getOrderItems answer. Pending orders have empty price and currency cells, as getOrderItems
 * omits their prices. Pure: orders in, text out.
 */
public final class OrderTrackingReport {
    public static final String REPORT_TYPE = "GET_FLAT_FILE_ALL_ORDERS_DATA_BY_LAST_UPDATE_GENERAL";
    public static final List<String> COLUMNS = List.of("amazon-order-id", "merchant-order-id", "purchase-date",
            "last-updated-date", "order-status", "fulfillment-channel", "sales-channel", "order-channel",
            "ship-service-level", "product-name", "sku", "asin", "item-status", "quantity", "currency", "item-price",
            "item-tax", "shipping-price", "shipping-tax", "gift-wrap-price", "gift-wrap-tax", "item-promotion-discount",
            "ship-promotion-discount", "ship-city", "ship-state", "ship-postal-code", "ship-country", "promotion-ids",
            "is-business-order", "purchase-order-number", "price-designation");
    /** Dates as the flat files print them: local ISO 8601 with the offset spelled out. */
    private static final DateTimeFormatter DATE = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx")
            .withZone(ZoneOffset.UTC);

    private OrderTrackingReport() {
    }

    public static String write(List<SimOrder> orders) {
        StringBuilder tsv = new StringBuilder(String.join("\t", COLUMNS)).append('\n');
        for (SimOrder order : orders) {
            for (SimOrderItem item : order.items()) {
                row(tsv, order, item);
            }
        }
        return tsv.toString();
    }

    /** A row whose quantity is not a number: what a broken export looks like to a reader. */
    public static String malformedRow(SimOrder order) {
        StringBuilder row = new StringBuilder();
        row(row, order, order.items().getFirst());
        String[] cells = row.toString().split("\t", -1);
        cells[COLUMNS.indexOf("quantity")] = "one";
        return String.join("\t", cells);
    }

    private static void row(StringBuilder tsv, SimOrder order, SimOrderItem item) {
        boolean priced = !order.status().paymentPending();
        String itemStatus = switch (order.status()) {
            case CANCELED -> "Cancelled";
            default -> item.quantityShipped() == item.quantityOrdered() ? "Shipped" : "Unshipped";
        };
        List<String> cells = List.of(order.amazonOrderId(), order.amazonOrderId(), DATE.format(order.purchaseDate()),
                DATE.format(order.lastUpdateDate()), order.status().wire(),
                order.fulfillmentChannel() == FulfillmentChannel.AFN ? "Amazon" : "Merchant",
                Marketplace.require(order.marketplaceId()).salesChannel(), "", order.shipServiceLevel(), item.title(),
                item.sellerSku(), item.asin(), itemStatus, Integer.toString(item.quantityOrdered()),
                priced ? order.currency() : "", money(priced, item.itemPrice()), money(priced, item.itemTax()),
                money(priced, item.shippingPrice()), money(priced, BigDecimal.ZERO), "", "",
                money(priced, item.promotionDiscount()), money(priced, BigDecimal.ZERO), order.shipTo().city(),
                order.shipTo().stateOrRegion(), order.shipTo().postalCode(), order.shipTo().countryCode(), "",
                Boolean.toString(order.businessOrder()), "", "");
        tsv.append(String.join("\t", cells.stream().map(OrderTrackingReport::clean).toList())).append('\n');
    }

    private static String money(boolean priced, BigDecimal amount) {
        return priced ? amount.setScale(2, RoundingMode.HALF_UP).toPlainString() : "";
    }

    /** A flat file has no quoting: tabs and line breaks inside a value would break the row. */
    private static String clean(String value) {
        return value == null ? "" : value.replace('\t', ' ').replace('\n', ' ').replace('\r', ' ');
    }

    static Instant parseTime(String value) {
        return java.time.OffsetDateTime.parse(value).toInstant();
    }
}
