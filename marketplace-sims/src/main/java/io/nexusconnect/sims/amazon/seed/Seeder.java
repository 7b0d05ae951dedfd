package io.nexusconnect.sims.amazon.seed;

import io.nexusconnect.sims.amazon.SellerAccount;
import io.nexusconnect.sims.amazon.model.Availability;
import io.nexusconnect.sims.amazon.model.FulfillmentChannel;
import io.nexusconnect.sims.amazon.model.ListingIssue;
import io.nexusconnect.sims.amazon.model.OrderStatus;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.amazon.model.SimOrder;

import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * The initial data of one seller, deterministic for (seed, seller position, start time): listings first, then
 * orders whose lines reference them. Every timestamp lies in the lookback and at least {@link #MIN_AGE} in the past,
 * so a getOrders call with the default {@code LastUpdatedBefore} (now − 2 min) sees all of them.
 */
public final class Seeder {
    public static final Duration MIN_AGE = Duration.ofMinutes(3);
    private static final String ALPHANUMERIC = "ABCDEFGHJKLMNPQRSTUVWXYZ0123456789";
    /** The issue of the model's examples ("'size' is required but not supplied."), given to a few listings. */
    private static final ListingIssue MISSING_SIZE = new ListingIssue("90220", "'size' is required but not supplied.",
            "ERROR", List.of("size"), List.of("MISSING_ATTRIBUTE"));

    /** Illustrative code; a suppression Amazon enforces (Listings Items {@code IssueEnforcements}). */
    private static final ListingIssue PRICING_ERROR = new ListingIssue("18155",
            "Your listing is suppressed: the price is outside the expected range (potential pricing error).", "ERROR",
            List.of("purchasable_offer"), List.of("INVALID_PRICE"), List.of(ListingIssue.LISTING_SUPPRESSED));

    private final SellerAccount seller;
    private int withIssue;
    private final SplittableRandom random;
    private final OrderFactory orders;

    public Seeder(SellerAccount seller, long seed) {
        this.seller = seller;
        this.random = new SplittableRandom(seed);
        this.orders = new OrderFactory(seller, random.split());
    }

    /** The factory that also builds orders added later, continuing the same random sequence. */
    public OrderFactory orderFactory() {
        return orders;
    }

    public record Data(List<SimListing> listings, List<SimOrder> orders) {
    }

    public Data seed(int listingCount, int orderCount, Duration lookback, Instant start) {
        Instant newest = start.truncatedTo(ChronoUnit.SECONDS).minus(MIN_AGE);
        Instant oldest = newest.minus(lookback).plus(MIN_AGE);
        List<SimListing> listings = listings(listingCount, oldest, newest);
        List<SimOrder> result = new ArrayList<>(orderCount);
        long window = Duration.between(oldest, newest).getSeconds();
        for (int i = 0; i < orderCount; i++) {
            Instant purchased = oldest.plusSeconds(orders.nextLong(window + 1));
            FulfillmentChannel channel = orders.randomChannel();
            OrderStatus status = orders.randomStatus(channel);
            List<OrderFactory.Line> lines = orders.randomLines(listings);
            if (status == OrderStatus.PARTIALLY_SHIPPED && lines.size() == 1 && lines.getFirst().quantity() == 1) {
                lines = List.of(new OrderFactory.Line(lines.getFirst().listing(), 2));
            }
            Instant updated = min(purchased.plus(updateDelay(status)), newest);
            result.add(orders.create(status, channel, lines, purchased, updated));
        }
        return new Data(listings, result);
    }

    private List<SimListing> listings(int count, Instant oldestOrder, Instant newest) {
        List<SimListing> listings = new ArrayList<>(count);
        Set<String> skus = new HashSet<>();
        Set<String> asins = new HashSet<>();
        for (int i = 0; i < count; i++) {
            Catalog.ProductKind kind = pick(Catalog.KINDS);
            String sku = unique(skus, () -> "NX-" + code(4) + "-" + code(4));
            String asin = unique(asins, () -> "B0" + code(8));
            String title = pick(Catalog.BRANDS) + " " + pick(Catalog.ADJECTIVES) + " " + pick(kind.nouns()) + ", "
                    + pick(Catalog.VARIANTS);
            int cents = kind.minPriceCents() + random.nextInt(kind.maxPriceCents() - kind.minPriceCents() + 1);
            BigDecimal price = BigDecimal.valueOf(cents / 100 * 100 + 99, 2);
            List<Availability> availability = random.nextInt(100) < 15
                    ? List.of(new Availability("AMAZON_NA", random.nextInt(501)))
                    : List.of(new Availability(Availability.DEFAULT, random.nextInt(100) < 8 ? 0 : random.nextInt(251)));
            Instant created = oldestOrder.minus(Duration.ofDays(1 + random.nextInt(365)))
                    .plusSeconds(random.nextInt(86_400));
            long sinceCreated = Duration.between(created, newest).getSeconds();
            Instant updated = created.plusSeconds(random.nextLong(sinceCreated + 1));
            // every other listing with an issue is suppressed rather than incomplete (no extra random draw, so the
            // rest of the seeded data stays as it was)
            List<ListingIssue> issues = random.nextInt(100) < 4
                    ? List.of(withIssue++ % 2 == 0 ? MISSING_SIZE : PRICING_ERROR) : List.of();
            listings.add(new SimListing(sku, asin, title, kind.productType(), seller.marketplaceId(),
                    seller.marketplace().defaultCurrencyCode(), price, availability, created, updated, issues,
                    Map.of()));
        }
        return listings;
    }

    private Duration updateDelay(OrderStatus status) {
        long minutes = switch (status) {
            case PENDING -> random.nextInt(30);
            case PENDING_AVAILABILITY -> random.nextInt(24 * 60);
            case UNSHIPPED -> 1 + random.nextInt(120);
            case PARTIALLY_SHIPPED -> 24 * 60 + random.nextInt(24 * 60);
            case SHIPPED, INVOICE_UNCONFIRMED -> 12 * 60 + random.nextInt(4 * 24 * 60);
            case CANCELED -> random.nextInt(2 * 24 * 60);
            case UNFULFILLABLE -> random.nextInt(24 * 60);
        };
        return Duration.ofMinutes(minutes).plusSeconds(random.nextInt(60));
    }

    private String code(int length) {
        StringBuilder sb = new StringBuilder(length);
        for (int i = 0; i < length; i++) {
            sb.append(ALPHANUMERIC.charAt(random.nextInt(ALPHANUMERIC.length())));
        }
        return sb.toString();
    }

    private static String unique(Set<String> used, java.util.function.Supplier<String> next) {
        String value;
        do {
            value = next.get();
        } while (!used.add(value));
        return value;
    }

    private <T> T pick(List<T> list) {
        return list.get(random.nextInt(list.size()));
    }

    private static Instant min(Instant a, Instant b) {
        return a.isBefore(b) ? a : b;
    }
}
