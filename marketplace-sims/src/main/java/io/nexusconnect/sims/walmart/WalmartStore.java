package io.nexusconnect.sims.walmart;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.function.Predicate;

/** The seller's state: purchase orders, items with their publish status, inventory. Seeded deterministically. */
public final class WalmartStore {

    /** One order line; status is per line, as at Walmart. Amounts in USD. */
    public static final class Line {
        public final String lineNumber;
        public final String sku;
        public final String productName;
        public final int quantity;
        public final BigDecimal unitPrice;
        public final BigDecimal unitTax;
        public String status;

        Line(String lineNumber, String sku, String productName, int quantity, BigDecimal unitPrice,
             BigDecimal unitTax, String status) {
            this.lineNumber = lineNumber;
            this.sku = sku;
            this.productName = productName;
            this.quantity = quantity;
            this.unitPrice = unitPrice;
            this.unitTax = unitTax;
            this.status = status;
        }
    }

    public static final class PurchaseOrder {
        public final String purchaseOrderId;
        public final String customerOrderId;
        public final Instant orderDate;
        public final List<Line> lines;
        public Instant lastModified;
        public int acknowledgements;

        PurchaseOrder(String purchaseOrderId, String customerOrderId, Instant orderDate, List<Line> lines) {
            this.purchaseOrderId = purchaseOrderId;
            this.customerOrderId = customerOrderId;
            this.orderDate = orderDate;
            this.lines = lines;
            this.lastModified = orderDate;
        }

        public boolean allLines(String status) {
            return lines.stream().allMatch(l -> l.status.equals(status));
        }
    }

    /** An item with its publish status (PUBLISHED, UNPUBLISHED, ...) and reasons, and its on-hand quantity. */
    public static final class Item {
        public final String sku;
        public final String productName;
        public final BigDecimal price;
        public final String publishedStatus;
        public final List<String> unpublishedReasons;
        public int quantity;

        Item(String sku, String productName, BigDecimal price, String publishedStatus,
             List<String> unpublishedReasons, int quantity) {
            this.sku = sku;
            this.productName = productName;
            this.price = price;
            this.publishedStatus = publishedStatus;
            this.unpublishedReasons = unpublishedReasons;
            this.quantity = quantity;
        }
    }

    private static final String[] STATUSES = {"Created", "Created", "Acknowledged", "Shipped", "Delivered",
            "Cancelled"};

    private final Clock clock;
    private final Map<String, PurchaseOrder> orders = new LinkedHashMap<>();
    private final Map<String, Item> items = new LinkedHashMap<>();

    WalmartStore(WalmartSimConfig config) {
        this.clock = config.clock();
        Random random = new Random(config.seed());
        Instant now = clock.instant();
        for (int i = 1; i <= Math.max(1, config.itemCount()); i++) {
            boolean unpublished = i % 10 == 0;
            String sku = "WM-SKU-" + String.format("%05d", i);
            items.put(sku, new Item(sku, "Demo product " + i, price(random),
                    unpublished ? "UNPUBLISHED" : "PUBLISHED",
                    unpublished ? List.of("You did not assign a tax code to your listing during item setup.")
                            : List.of(), 10 + random.nextInt(90)));
        }
        List<Item> catalog = List.copyOf(items.values());
        long spanMillis = config.lookback().toMillis();
        for (int i = 1; i <= config.orderCount(); i++) {
            Instant orderDate = now.minusMillis((long) (random.nextDouble() * spanMillis))
                    .truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
            String status = STATUSES[random.nextInt(STATUSES.length)];
            int lineCount = 1 + random.nextInt(3);
            List<Line> lines = new ArrayList<>();
            for (int n = 1; n <= lineCount; n++) {
                Item item = catalog.get(random.nextInt(catalog.size()));
                BigDecimal tax = item.price.multiply(new BigDecimal("0.08")).setScale(2, RoundingMode.HALF_UP);
                lines.add(new Line(Integer.toString(n), item.sku, item.productName, 1 + random.nextInt(3),
                        item.price, tax, status));
            }
            String po = Long.toString(1_000_000_000_000L + i * 7919L);
            PurchaseOrder order = new PurchaseOrder(po, Long.toString(5_000_000_000_000L + i), orderDate, lines);
            order.lastModified = status.equals("Created") ? orderDate
                    : orderDate.plus(Duration.ofHours(1 + random.nextInt(48)));
            if (order.lastModified.isAfter(now)) {
                order.lastModified = now;
            }
            orders.put(po, order);
        }
    }

    private static BigDecimal price(Random random) {
        return BigDecimal.valueOf(499 + random.nextInt(9500), 2);
    }

    /** Orders matching {@code filter}, by last modification then purchase order id (a stable paging order). */
    public synchronized List<PurchaseOrder> find(Predicate<PurchaseOrder> filter) {
        return orders.values().stream().filter(filter)
                .sorted(Comparator.comparing((PurchaseOrder o) -> o.lastModified)
                        .thenComparing(o -> o.purchaseOrderId))
                .toList();
    }

    public synchronized Optional<PurchaseOrder> order(String purchaseOrderId) {
        return Optional.ofNullable(orders.get(purchaseOrderId));
    }

    /** A new Created order placed now (tests and demos). */
    public synchronized PurchaseOrder place(String sku, int quantity) {
        Item item = items.get(sku);
        Instant now = clock.instant();
        String po = Long.toString(2_000_000_000_000L + orders.size());
        BigDecimal tax = item.price.multiply(new BigDecimal("0.08")).setScale(2, RoundingMode.HALF_UP);
        PurchaseOrder order = new PurchaseOrder(po, "C" + po, now, List.of(new Line("1", sku, item.productName,
                quantity, item.price, tax, "Created")));
        orders.put(po, order);
        return order;
    }

    /** Acknowledges every Created line; Acknowledged lines stay (re-acknowledging is allowed). */
    public synchronized void acknowledge(PurchaseOrder order) {
        order.lines.stream().filter(l -> l.status.equals("Created")).forEach(l -> l.status = "Acknowledged");
        order.acknowledgements++;
        order.lastModified = clock.instant();
    }

    public synchronized List<Item> items() {
        return List.copyOf(items.values());
    }

    public synchronized Optional<Item> item(String sku) {
        return Optional.ofNullable(items.get(sku));
    }

    public synchronized void setQuantity(Item item, int quantity) {
        item.quantity = quantity;
    }

    public synchronized List<PurchaseOrder> orders() {
        return List.copyOf(orders.values());
    }
}
