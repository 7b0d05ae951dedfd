package io.nexusconnect.sims.shopify.seed;

import io.nexusconnect.sims.shopify.model.ShopStore;
import io.nexusconnect.sims.shopify.model.SimLineItem;
import io.nexusconnect.sims.shopify.model.SimLocation;
import io.nexusconnect.sims.shopify.model.SimOrder;
import io.nexusconnect.sims.shopify.model.SimProduct;
import io.nexusconnect.sims.shopify.model.SimShop;
import io.nexusconnect.sims.shopify.model.SimVariant;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Random;

/**
 * Deterministic shop data: two locations, products of one to three variants (some DRAFT, ARCHIVED or unpublished),
 * orders spread over the lookback with one to four lines, multi-unit lines, some discounted, some cancelled/refunded.
 */
public final class ShopSeeder {
    private static final String[] NOUNS = {"Mug", "Tee", "Cap", "Tote", "Poster", "Sticker", "Hoodie", "Notebook"};
    private static final String[] COLORS = {"Red", "Blue", "Black", "White", "Green"};
    private static final String[][] STATUSES = {
            {"PAID", "UNFULFILLED"}, {"PAID", "FULFILLED"}, {"PAID", "PARTIALLY_FULFILLED"}, {"PENDING", "UNFULFILLED"},
            {"AUTHORIZED", "UNFULFILLED"}, {"REFUNDED", "UNFULFILLED"}, {"PAID", "FULFILLED"}, {"PAID", "UNFULFILLED"}};

    private final Random random;
    private long numbers = 1000;

    public ShopSeeder(long seed) {
        this.random = new Random(seed);
    }

    public ShopStore seed(SimShop shop, Clock clock, int productCount, int orderCount, Duration lookback) {
        Instant now = clock.instant();
        List<SimLocation> locations = List.of(new SimLocation(71001, "Main warehouse", true, true),
                new SimLocation(71002, "Retail store", true, false));
        List<SimProduct> products = new ArrayList<>();
        List<SimVariant> variants = new ArrayList<>();
        for (int i = 0; i < productCount; i++) {
            long productNumber = 8_000_000 + i;
            String noun = NOUNS[i % NOUNS.length];
            int variantCount = 1 + random.nextInt(3);
            List<SimVariant> own = new ArrayList<>();
            for (int v = 0; v < variantCount; v++) {
                long variantNumber = 4_000_000 + i * 10L + v;
                String color = COLORS[(i + v) % COLORS.length];
                BigDecimal price = BigDecimal.valueOf(500 + random.nextInt(4500), 2);
                SimVariant variant = new SimVariant(variantNumber, productNumber, 5_000_000 + i * 10L + v,
                        "SH-" + noun.toUpperCase() + "-" + i + "-" + color.toUpperCase(), color, price);
                variant.stock(locations.get(0).number(), random.nextInt(60), random.nextInt(4));
                if (random.nextInt(3) == 0) {
                    variant.stock(locations.get(1).number(), random.nextInt(10), 0);
                }
                own.add(variant);
            }
            String status = i % 17 == 5 ? "DRAFT" : i % 23 == 7 ? "ARCHIVED" : "ACTIVE";
            Instant created = now.minus(lookback).minusSeconds(86_400L * (1 + random.nextInt(300)));
            Instant published = "ACTIVE".equals(status) && i % 11 != 3 ? created.plusSeconds(3600) : null;
            products.add(new SimProduct(productNumber, color(i) + " " + noun + " " + i, noun.toLowerCase() + "-" + i,
                    noun, "Nexus Demo", status, created, published, own));
            variants.addAll(own);
        }
        List<SimOrder> orders = new ArrayList<>();
        long span = lookback.minusHours(1).toSeconds();
        for (int i = 0; i < orderCount; i++) {
            Instant created = now.minusSeconds(span - (span * i) / Math.max(1, orderCount));
            orders.add(order(1001 + i, created, variants, clock));
        }
        return new ShopStore(shop, clock, locations, products, orders, 9_000_000);
    }

    private static String color(int i) {
        return COLORS[i % COLORS.length];
    }

    private SimOrder order(int orderNumber, Instant created, List<SimVariant> variants, Clock clock) {
        int lineCount = 1 + random.nextInt(4);
        List<SimLineItem> lines = new ArrayList<>();
        for (int l = 0; l < lineCount && !variants.isEmpty(); l++) {
            SimVariant v = variants.get(random.nextInt(variants.size()));
            int quantity = 1 + (random.nextInt(4) == 0 ? 1 + random.nextInt(4) : 0);
            BigDecimal gross = v.price().multiply(BigDecimal.valueOf(quantity));
            BigDecimal discount = random.nextInt(5) == 0
                    ? gross.multiply(new BigDecimal("0.10")).setScale(2, RoundingMode.HALF_EVEN) : BigDecimal.ZERO;
            lines.add(new SimLineItem(numbers++ + 12_000_000, v.sku(), v.title(), v.number(), quantity, 0, v.price(),
                    discount, new BigDecimal("0.08")));
        }
        String[] status = STATUSES[random.nextInt(STATUSES.length)];
        Instant cancelled = orderNumber % 29 == 0 ? created.plusSeconds(600) : null;
        Instant updated = created.plusSeconds(60 + random.nextInt(3600));
        if (updated.isAfter(clock.instant())) {
            updated = clock.instant();
        }
        return new SimOrder(orderNumber * 1000L + 7, "#" + orderNumber, created, updated, cancelled,
                cancelled != null ? "VOIDED" : status[0], status[1], "USD", new BigDecimal("4.90"), lines);
    }

    /** Seeds one fixed order with a multi-quantity, discounted line (3 × 12.50, 5.00 off) for mapping tests. */
    public static SimOrder fixedOrder(ShopStore store, Map<String, Integer> skuQuantities, BigDecimal discount) {
        Instant now = store.now();
        List<SimLineItem> lines = new ArrayList<>();
        skuQuantities.forEach((sku, qty) -> {
            SimVariant v = store.variantBySku(sku).orElseThrow();
            lines.add(new SimLineItem(store.nextNumber(), sku, v.title(), v.number(), qty, 0, v.price(),
                    lines.isEmpty() ? discount : BigDecimal.ZERO, new BigDecimal("0.08")));
        });
        long number = store.nextNumber();
        return store.put(new SimOrder(number, "#" + number, now, now, null, "PAID", "UNFULFILLED", "USD",
                new BigDecimal("4.90"), lines));
    }
}
