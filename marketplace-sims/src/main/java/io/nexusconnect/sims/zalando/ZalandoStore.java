package io.nexusconnect.sims.zalando;

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
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The merchant's orders (order → order items → order lines, one line per unit) and stock per (sales channel, EAN).
 * Exporting an order (a {@code merchant_order_id} PATCH) sets {@code exported=true} and counts the calls, so a test
 * can see an order exported twice.
 */
public final class ZalandoStore {

    /** One unit of an order item, priced on its own (zDirect prices per line). */
    public record Line(String id, String status, BigDecimal amount, String currency) {
    }

    public record Item(String id, String ean, String articleId, String description, List<Line> lines) {
    }

    public static final class Order {
        public final String id;
        public final String orderNumber;
        public final String orderType;
        public final String salesChannelId;
        public final String locale;
        public final Instant createdAt;
        public final List<Item> items;
        public volatile String status;
        public volatile Instant modifiedAt;
        public volatile String merchantOrderId;
        public volatile int exportPatches;

        Order(String id, String orderNumber, String orderType, String salesChannelId, String locale,
              Instant createdAt, String status, List<Item> items) {
            this.id = id;
            this.orderNumber = orderNumber;
            this.orderType = orderType;
            this.salesChannelId = salesChannelId;
            this.locale = locale;
            this.createdAt = createdAt;
            this.modifiedAt = createdAt;
            this.status = status;
            this.items = List.copyOf(items);
        }

        public boolean exported() {
            return merchantOrderId != null;
        }

        public BigDecimal linesAmount() {
            return items.stream().flatMap(i -> i.lines().stream()).map(Line::amount)
                    .reduce(BigDecimal.ZERO, BigDecimal::add);
        }

        public int linesCount() {
            return items.stream().mapToInt(i -> i.lines().size()).sum();
        }
    }

    private final Clock clock;
    private final String salesChannelId;
    private final Random random;
    private final Map<String, Order> orders = new ConcurrentHashMap<>();
    private final Map<String, Integer> stock = new ConcurrentHashMap<>();
    private int sequence;
    private int arrivalsPerList;
    private int listsWithArrivals;

    ZalandoStore(ZalandoSimConfig config) {
        this.clock = config.clock();
        this.salesChannelId = config.salesChannelId();
        this.random = new Random(config.seed());
        Instant start = clock.instant().minus(Duration.ofDays(3));
        for (int i = 0; i < config.orderCount(); i++) {
            add(start.plusSeconds(60L * i), "approved");
        }
    }

    /** A new approved order created now: what arrives while an import cycle runs. */
    public synchronized Order addOrder() {
        return add(clock.instant(), "approved");
    }

    private synchronized Order add(Instant createdAt, String status) {
        sequence++;
        List<Item> items = new ArrayList<>();
        int itemCount = 1 + random.nextInt(3);
        for (int i = 0; i < itemCount; i++) {
            String ean = ean(random.nextInt(500));
            BigDecimal price = BigDecimal.valueOf(995 + random.nextInt(20000), 2).setScale(2, RoundingMode.HALF_UP);
            int quantity = 1 + random.nextInt(3);
            List<Line> lines = new ArrayList<>();
            for (int q = 0; q < quantity; q++) {
                lines.add(new Line(uuid(), "initial", price, "EUR"));
            }
            items.add(new Item(uuid(), ean, "ART-" + ean.substring(7), "Demo article " + ean, lines));
        }
        Order order = new Order(uuid(), "10" + String.format("%09d", sequence), "PartnerFulfilled", salesChannelId,
                "de-DE", createdAt, status, items);
        orders.put(order.id, order);
        return order;
    }

    /**
     * New orders arrive while a reader walks the list: each of the next {@code lists} order-list calls first adds
     * {@code perList} approved orders (what a busy shop does during an import cycle).
     */
    public synchronized void arriveDuringNextLists(int perList, int lists) {
        this.arrivalsPerList = perList;
        this.listsWithArrivals = lists;
    }

    synchronized void listed() {
        if (listsWithArrivals > 0) {
            listsWithArrivals--;
            for (int i = 0; i < arrivalsPerList; i++) {
                addOrder();
            }
        }
    }

    /** A valid EAN-13 (check digit per GS1) for article number {@code n}. */
    static String ean(int n) {
        String body = "400638" + String.format("%06d", n);
        int sum = 0;
        for (int i = 0; i < 12; i++) {
            sum += (body.charAt(i) - '0') * (i % 2 == 0 ? 1 : 3);
        }
        return body + (10 - sum % 10) % 10;
    }

    private String uuid() {
        return new UUID(random.nextLong(), random.nextLong()).toString();
    }

    /** Orders in creation order; the API's default ordering (oldest first) is assumed stable. */
    public List<Order> orders() {
        return orders.values().stream().sorted(Comparator.comparing((Order o) -> o.createdAt)
                .thenComparing(o -> o.orderNumber)).toList();
    }

    public Optional<Order> order(String id) {
        return Optional.ofNullable(orders.get(id));
    }

    /** Sets the merchant order id (which exports the order); every PATCH counts, repeats included. */
    synchronized Order export(Order order, String merchantOrderId) {
        order.exportPatches++;
        order.merchantOrderId = merchantOrderId;
        order.modifiedAt = clock.instant();
        return order;
    }

    public int stock(String salesChannel, String ean) {
        return stock.getOrDefault(salesChannel + "|" + ean, 0);
    }

    void setStock(String salesChannel, String ean, int quantity) {
        stock.put(salesChannel + "|" + ean, quantity);
    }

    public Map<String, Integer> stockSnapshot() {
        return new LinkedHashMap<>(stock);
    }
}
