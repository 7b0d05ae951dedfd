package io.nexusconnect.sims.ebay.seed;

import io.nexusconnect.sims.ebay.model.EbayLineItem;
import io.nexusconnect.sims.ebay.model.EbayOrder;
import io.nexusconnect.sims.ebay.model.InventoryRecord;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Deterministic demo data of one eBay US seller: inventory items with one fixed-price offer each (mostly live, some
 * out of stock, unpublished, ended or on hold) and orders over the lookback with eBay-style ids, multi-unit lines,
 * promotions, delivery costs and collect-and-remit sales tax.
 */
public final class EbaySeeder {
    public static final String CURRENCY = "USD";
    private static final String[] PRODUCTS = {"Vintage Film Camera", "Mechanical Keyboard", "Cast Iron Skillet",
            "Trail Running Shoes", "Wool Beanie", "Bluetooth Speaker", "Ceramic Teapot", "LED Desk Lamp",
            "Leather Wallet", "Yoga Mat", "Stainless Water Bottle", "Board Game Classic"};
    private static final String[] TAX_RATES = {"0.0625", "0.0725", "0.08", "0.0875"};

    private final SplittableRandom random;
    private final String sellerId;
    private final Set<String> usedIds = new HashSet<>();

    public EbaySeeder(long seed, String sellerId) {
        this.random = new SplittableRandom(seed);
        this.sellerId = sellerId;
    }

    public List<InventoryRecord> items(int count, Instant now) {
        List<InventoryRecord> items = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            String sku = String.format("EB-SKU-%05d", i);
            String title = PRODUCTS[random.nextInt(PRODUCTS.length)] + " #" + i;
            BigDecimal price = BigDecimal.valueOf(499 + random.nextInt(15_000), 2);
            int roll = random.nextInt(100);
            int quantity = roll < 8 ? 0 : 1 + random.nextInt(60);
            String offerStatus = roll >= 8 && roll < 12 ? "UNPUBLISHED" : "PUBLISHED";
            String listingStatus = !"PUBLISHED".equals(offerStatus) ? null
                    : quantity == 0 ? "OUT_OF_STOCK" : roll < 15 ? "ENDED" : "ACTIVE";
            boolean onHold = roll >= 15 && roll < 17;
            items.add(new InventoryRecord(sku, title, "NEW", quantity, String.valueOf(5_000_000_000L + i * 7919L),
                    offerStatus, String.valueOf(110_000_000_000L + i * 104_729L), listingStatus, onHold,
                    random.nextInt(40), price, CURRENCY, now.minus(Duration.ofDays(40 + random.nextInt(300)))));
        }
        return items;
    }

    /** {@code count} orders created over {@code lookback} before {@code now}, oldest first. */
    public List<EbayOrder> orders(int count, Duration lookback, Instant now, List<InventoryRecord> items) {
        List<EbayOrder> orders = new ArrayList<>();
        long span = Math.max(1, lookback.toMillis());
        for (int i = 0; i < count; i++) {
            Instant created = now.minusMillis(1 + random.nextLong(span)).truncatedTo(ChronoUnit.MILLIS);
            Instant modified = created.plusMillis(random.nextLong(Duration.ofDays(3).toMillis()));
            if (modified.isAfter(now)) {
                modified = now;
            }
            orders.add(order(created, modified, items, randomStatus()));
        }
        orders.sort(Comparator.comparing(EbayOrder::creationDate).thenComparing(EbayOrder::orderId));
        return orders;
    }

    /** A new order placed at {@code now}: one line per SKU with the given units at the item's price. */
    public synchronized EbayOrder order(Instant now, List<InventoryRecord> items, List<Integer> quantities) {
        List<EbayLineItem> lines = new ArrayList<>();
        BigDecimal taxRate = new BigDecimal(TAX_RATES[random.nextInt(TAX_RATES.length)]);
        for (int i = 0; i < items.size(); i++) {
            lines.add(line(items.get(i), quantities.get(i), taxRate, false));
        }
        return new EbayOrder(orderId(), sellerId, buyer(), CURRENCY, now, now, "NOT_STARTED", "PAID",
                "NONE_REQUESTED", lines);
    }

    private synchronized EbayOrder order(Instant created, Instant modified, List<InventoryRecord> items,
                                         String[] status) {
        int lineCount = 1 + (random.nextInt(10) < 7 ? 0 : random.nextInt(3));
        BigDecimal taxRate = new BigDecimal(TAX_RATES[random.nextInt(TAX_RATES.length)]);
        List<EbayLineItem> lines = new ArrayList<>();
        Set<String> skus = new HashSet<>();
        for (int i = 0; i < lineCount; i++) {
            InventoryRecord item = items.get(random.nextInt(items.size()));
            if (skus.add(item.sku())) {
                int quantity = random.nextInt(10) < 7 ? 1 : 2 + random.nextInt(3);
                lines.add(line(item, quantity, taxRate, random.nextInt(10) == 0).withFulfillmentStatus(
                        "FULFILLED".equals(status[0]) ? "FULFILLED" : "NOT_STARTED"));
            }
        }
        return new EbayOrder(orderId(), sellerId, buyer(), CURRENCY, created, modified, status[0], status[1],
                status[2], lines);
    }

    private EbayLineItem line(InventoryRecord item, int quantity, BigDecimal taxRate, boolean promotion) {
        BigDecimal cost = item.price().multiply(BigDecimal.valueOf(quantity));
        BigDecimal discount = promotion ? cost.multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_UP)
                : BigDecimal.ZERO.setScale(2);
        BigDecimal delivery = random.nextInt(10) < 6 ? BigDecimal.ZERO.setScale(2)
                : new BigDecimal(random.nextBoolean() ? "4.99" : "8.50");
        BigDecimal tax = cost.subtract(discount).add(delivery).multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
        return new EbayLineItem(digits(11), item.listingId(), item.sku(), item.title(), quantity, item.price(),
                delivery, tax, discount, "NOT_STARTED");
    }

    private String[] randomStatus() {
        int roll = random.nextInt(100);
        if (roll < 5) {
            return new String[]{"NOT_STARTED", "FULLY_REFUNDED", "CANCELED"};
        }
        if (roll < 8) {
            return new String[]{"NOT_STARTED", "PENDING", "NONE_REQUESTED"};
        }
        if (roll < 40) {
            return new String[]{"NOT_STARTED", "PAID", "NONE_REQUESTED"};
        }
        if (roll < 48) {
            return new String[]{"IN_PROGRESS", "PAID", "NONE_REQUESTED"};
        }
        return new String[]{"FULFILLED", "PAID", "NONE_REQUESTED"};
    }

    /** eBay's order id format since 2019: {@code NN-NNNNN-NNNNN}. */
    private String orderId() {
        String id;
        do {
            id = digits(2) + "-" + digits(5) + "-" + digits(5);
        } while (!usedIds.add(id));
        return id;
    }

    private String buyer() {
        return "buyer_" + Integer.toString(random.nextInt(1 << 24), 36);
    }

    private String digits(int n) {
        StringBuilder out = new StringBuilder().append(1 + random.nextInt(9));
        for (int i = 1; i < n; i++) {
            out.append(random.nextInt(10));
        }
        return out.toString();
    }
}
