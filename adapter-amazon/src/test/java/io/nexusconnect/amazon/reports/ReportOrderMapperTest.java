package io.nexusconnect.amazon.reports;

import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderStatus;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class ReportOrderMapperTest {
    private static final String HEADER = "amazon-order-id\tmerchant-order-id\tpurchase-date\tlast-updated-date\t"
            + "order-status\tfulfillment-channel\tsales-channel\tsku\tasin\tproduct-name\titem-status\tquantity\tcurrency\t"
            + "item-price\titem-tax\tshipping-price\tshipping-tax\titem-promotion-discount\tship-promotion-discount\t"
            + "an-unknown-column";
    private static final ReportOrderMapper.Context CONTEXT = new ReportOrderMapper.Context(UUID.randomUUID(), "t1",
            null, "ATVPDKIKX0DER", UUID.randomUUID(), Instant.parse("2026-03-01T00:00:00Z"));

    @Test
    @DisplayName("Rows of one amazon-order-id become one order with a line per row, keyed by SKU, the item price as line total, the total derived, AFN from \"Amazon\" and the marketplace from the sales channel")
    void rowsBecomeOneOrder() {
        List<Order> orders = map(HEADER,
                row("111-0000001-0000001", "2026-02-01T02:00:00-08:00", "Shipped", "Amazon", "Amazon.de", "SKU-A",
                        "Shipped", "3", "EUR", "59.97", "4.00", "0.00", "0.00", "-5.00", "0.00"),
                row("111-0000001-0000001", "2026-02-01T02:00:00-08:00", "Shipped", "Amazon", "Amazon.de", "SKU-B",
                        "Unshipped", "1", "EUR", "10.00", "1.00", "3.99", "0.00", "", ""));

        assertThat(orders).hasSize(1);
        Order order = orders.getFirst();
        assertThat(order.status()).isEqualTo(OrderStatus.SHIPPED);
        assertThat(order.fulfillmentChannel()).isEqualTo("AFN");
        assertThat(order.salesChannel()).isEqualTo("A1PA6795UKMFR9");
        assertThat(order.total()).isEqualTo(new Money("73.96", "EUR"));
        assertThat(order.purchasedAt()).isEqualTo(Instant.parse("2026-02-01T10:00:00Z"));
        assertThat(order.lines()).extracting(l -> l.lineId()).containsExactly("SKU-A", "SKU-B");
        assertThat(order.lines().getFirst().unitPrice()).isEqualTo(new Money("19.99", "EUR"));
        assertThat(order.lines().getFirst().discount()).isEqualTo(new Money("5.00", "EUR"));
        assertThat(order.lines()).extracting(l -> l.quantityShipped()).containsExactly(3, 0);
    }

    @Test
    @DisplayName("A pending order's empty price and currency cells leave total and line amounts absent, a decimal comma is read, \"Cancelled\" is cancelled, and a repeated SKU gets a second key")
    void pendingCommaCancelledRepeatedSku() {
        Order pending = map(HEADER, row("111-0000002-0000002", "2026-02-01T10:00:00Z", "Pending", "Merchant",
                "Amazon.com", "SKU-A", "Unshipped", "1", "", "", "", "", "", "", "")).getFirst();
        assertThat(pending.total()).isNull();
        assertThat(pending.lines().getFirst().lineTotal()).isNull();
        assertThat(pending.lines().getFirst().unitPrice()).isNull();
        assertThat(pending.fulfillmentChannel()).isEqualTo("MFN");

        Order cancelled = map(HEADER,
                row("111-0000003-0000003", "2026-02-01T10:00:00Z", "Cancelled", "Merchant", "Amazon.fr", "SKU-A",
                        "Cancelled", "2", "EUR", "1.234,50", "0,00", "0,00", "0,00", "0,00", "0,00"),
                row("111-0000003-0000003", "2026-02-01T10:00:00Z", "Cancelled", "Merchant", "Amazon.fr", "SKU-A",
                        "Cancelled", "1", "EUR", "12,30", "0,00", "0,00", "0,00", "0,00", "0,00")).getFirst();
        assertThat(cancelled.status()).isEqualTo(OrderStatus.CANCELLED);
        assertThat(cancelled.marketplaceStatus()).isEqualTo("Cancelled");
        assertThat(cancelled.lines().getFirst().lineTotal()).isEqualTo(new Money("1234.50", "EUR"));
        assertThat(cancelled.lines()).extracting(l -> l.lineId()).containsExactly("SKU-A", "SKU-A#2");
    }

    @Test
    @DisplayName("A row with a quantity that is not a number, a row with too few cells and a document without the needed columns are malformed, naming the row")
    void malformed() {
        assertThatThrownBy(() -> map(HEADER, row("111-0000004-0000004", "2026-02-01T10:00:00Z", "Shipped", "Merchant",
                "Amazon.com", "SKU-A", "Shipped", "one", "USD", "1.00", "0.00", "0.00", "0.00", "0.00", "0.00")))
                .isInstanceOf(MalformedReportException.class).hasMessageContaining("row 2").hasMessageContaining("quantity");
        assertThatThrownBy(() -> map(HEADER, "111-0000004-0000004\t2026"))
                .isInstanceOf(MalformedReportException.class).hasMessageContaining("row 2 has 2 cells");
        assertThatThrownBy(() -> map("amazon-order-id\tsku"))
                .isInstanceOf(MalformedReportException.class).hasMessageContaining("lacks the columns");
    }

    @Test
    @DisplayName("A gzip document is decompressed and decoded in the charset its Content-Type names")
    void gzipAndCharset() throws java.io.IOException {
        var bytes = new java.io.ByteArrayOutputStream();
        try (var zip = new java.util.zip.GZIPOutputStream(bytes)) {
            zip.write("Café\tÜ".getBytes(java.nio.charset.Charset.forName("windows-1252")));
        }
        assertThat(ReportDocuments.text(bytes.toByteArray(), "GZIP", "text/plain; charset=Cp1252")).isEqualTo("Café\tÜ");
        assertThat(ReportDocuments.text("Café".getBytes(java.nio.charset.StandardCharsets.UTF_8), null, "text/plain"))
                .isEqualTo("Café");
    }

    private static List<Order> map(String... lines) {
        return ReportOrderMapper.toOrders(OrderReportParser.parse(String.join("\n", lines) + "\n"), CONTEXT);
    }

    private static String row(String id, String date, String status, String channel, String salesChannel, String sku,
                              String itemStatus, String quantity, String currency, String price, String tax,
                              String shipping, String shippingTax, String discount, String shipDiscount) {
        return String.join("\t", id, "", date, date, status, channel, salesChannel, sku, "B000" + sku, "Title " + sku,
                itemStatus, quantity, currency, price, tax, shipping, shippingTax, discount, shipDiscount, "x");
    }
}
