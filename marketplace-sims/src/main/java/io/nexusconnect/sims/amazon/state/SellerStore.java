package io.nexusconnect.sims.amazon.state;

import io.nexusconnect.sims.amazon.SellerAccount;
import io.nexusconnect.sims.amazon.model.FulfillmentChannel;
import io.nexusconnect.sims.amazon.model.OrderStatus;
import io.nexusconnect.sims.amazon.model.ListingIssue;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.amazon.seed.OrderFactory;
import io.nexusconnect.sims.amazon.seed.Seeder;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Clock;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.NoSuchElementException;
import java.util.Optional;
import java.util.TreeSet;
import java.util.function.Predicate;
import java.util.function.Supplier;
import java.util.function.UnaryOperator;

/**
 * Everything one selling partner has on Amazon: orders (indexed by PurchaseDate and by LastUpdateDate, so a page of
 * getOrders reads only what it returns) and listings. Every mutation stamps the simulator clock's "now" as the
 * last-update time, as Amazon does.
 */
public final class SellerStore {
    private final SellerAccount seller;
    private final Clock clock;
    private final OrderFactory factory;
    private final Map<String, SimOrder> orders = new HashMap<>();
    private final NavigableSet<OrderKey> byPurchase = new TreeSet<>();
    private final NavigableSet<OrderKey> byUpdate = new TreeSet<>();
    private final Map<String, SimListing> listings = new HashMap<>();

    /** Position in an order index: a timestamp, ties broken by order id. */
    public record OrderKey(Instant at, String amazonOrderId) implements Comparable<OrderKey> {
        private static final Comparator<OrderKey> ORDER =
                Comparator.comparing(OrderKey::at).thenComparing(OrderKey::amazonOrderId);

        @Override
        public int compareTo(OrderKey other) {
            return ORDER.compare(this, other);
        }
    }

    /** A slice of an index: the orders found, and whether more match after the last one. */
    public record OrderSlice(List<SimOrder> orders, boolean more) {
    }

    public SellerStore(SellerAccount seller, Clock clock, Seeder seeder, Seeder.Data data) {
        this.seller = seller;
        this.clock = clock;
        this.factory = seeder.orderFactory();
        data.listings().forEach(l -> listings.put(l.sku(), l));
        data.orders().forEach(this::index);
    }

    public SellerAccount seller() {
        return seller;
    }

    /** All orders, oldest purchase first. */
    public synchronized List<SimOrder> orders() {
        return byPurchase.stream().map(k -> orders.get(k.amazonOrderId())).toList();
    }

    public synchronized Optional<SimOrder> order(String amazonOrderId) {
        return Optional.ofNullable(orders.get(amazonOrderId));
    }

    /** All listings, by SKU. */
    public synchronized List<SimListing> listings() {
        return listings.values().stream().sorted(Comparator.comparing(SimListing::sku)).toList();
    }

    public synchronized Optional<SimListing> listing(String sku) {
        return Optional.ofNullable(listings.get(sku));
    }

    /**
     * Orders whose PurchaseDate (or LastUpdateDate) is in [{@code from}, {@code to}], in index order, starting after
     * {@code after} (exclusive) when given; at most {@code limit} that pass {@code filter}.
     */
    public synchronized OrderSlice scan(boolean byLastUpdate, Instant from, Instant to, OrderKey after,
                                        Predicate<SimOrder> filter, int limit) {
        NavigableSet<OrderKey> index = byLastUpdate ? byUpdate : byPurchase;
        OrderKey start = new OrderKey(from, "");
        NavigableSet<OrderKey> tail = after != null && after.compareTo(start) >= 0
                ? index.tailSet(after, false) : index.tailSet(start, true);
        List<SimOrder> found = new ArrayList<>();
        for (OrderKey key : tail) {
            if (key.at().isAfter(to)) {
                break;
            }
            SimOrder order = orders.get(key.amazonOrderId());
            if (filter.test(order)) {
                if (found.size() == limit) {
                    return new OrderSlice(found, true);
                }
                found.add(order);
            }
        }
        return new OrderSlice(found, false);
    }

    /** A new order with the given lines (SKU to units), placed now. */
    public synchronized SimOrder addOrder(OrderStatus status, FulfillmentChannel channel, Map<String, Integer> lines) {
        if (lines.isEmpty()) {
            throw new IllegalArgumentException("an order needs at least one line");
        }
        List<OrderFactory.Line> resolved = new ArrayList<>();
        lines.forEach((sku, units) -> resolved.add(new OrderFactory.Line(requireListing(sku), units)));
        Instant now = now();
        return index(factory.create(status, channel, resolved, now, now));
    }

    /** A new random order (status, channel, lines drawn like the seeded ones), placed now. */
    public synchronized SimOrder addOrder() {
        FulfillmentChannel channel = factory.randomChannel();
        OrderStatus status = factory.randomStatus(channel);
        List<OrderFactory.Line> lines = factory.randomLines(listings());
        if (status == OrderStatus.PARTIALLY_SHIPPED && lines.size() == 1 && lines.getFirst().quantity() == 1) {
            status = OrderStatus.UNSHIPPED;
        }
        Instant now = now();
        return index(factory.create(status, channel, lines, now, now));
    }

    /** Moves an order to {@code status} (shipped quantities follow) and stamps LastUpdateDate. */
    public synchronized SimOrder updateOrder(String amazonOrderId, OrderStatus status) {
        SimOrder order = requireOrder(amazonOrderId);
        return index(order.with(status, OrderFactory.shipped(status, order.items()), now()));
    }

    /** Any change to an order; LastUpdateDate is stamped afterwards. */
    public synchronized SimOrder updateOrder(String amazonOrderId, UnaryOperator<SimOrder> change) {
        SimOrder changed = change.apply(requireOrder(amazonOrderId));
        if (!changed.amazonOrderId().equals(amazonOrderId)) {
            throw new IllegalArgumentException("an update must not change the AmazonOrderId");
        }
        return index(changed.with(changed.status(), changed.items(), now()));
    }

    /** Sets the seller-fulfilled quantity (or an FBA-only listing's quantity) and stamps lastUpdatedDate. */
    public synchronized SimListing setQuantity(String sku, int quantity) {
        if (quantity < 0) {
            throw new IllegalArgumentException("quantity must not be negative");
        }
        return putListing(requireListing(sku).withQuantity(quantity, now()));
    }

    /** Replaces the listing's issues (what Amazon's validation or enforcement reports) and stamps lastUpdatedDate. */
    public synchronized SimListing setIssues(String sku, List<ListingIssue> issues) {
        return putListing(requireListing(sku).withIssues(issues, now()));
    }

    public synchronized SimListing setPrice(String sku, BigDecimal price) {
        SimListing listing = requireListing(sku);
        return putListing(listing.with(listing.title(), price.setScale(2, RoundingMode.HALF_UP),
                listing.extraAttributes(), now()));
    }

    /** Runs {@code action} while no other change to this seller can interleave (read-check-write sequences). */
    public synchronized <T> T atomically(Supplier<T> action) {
        return action.get();
    }

    /** Replaces a listing (same SKU). */
    public synchronized SimListing putListing(SimListing listing) {
        listings.put(listing.sku(), listing);
        return listing;
    }

    public Instant now() {
        return clock.instant().truncatedTo(ChronoUnit.SECONDS);
    }

    private SimListing requireListing(String sku) {
        SimListing listing = listings.get(sku);
        if (listing == null) {
            throw new NoSuchElementException("no listing with SKU " + sku + " for seller " + seller.sellingPartnerId());
        }
        return listing;
    }

    private SimOrder requireOrder(String amazonOrderId) {
        SimOrder order = orders.get(amazonOrderId);
        if (order == null) {
            throw new NoSuchElementException("no order " + amazonOrderId + " for seller " + seller.sellingPartnerId());
        }
        return order;
    }

    private SimOrder index(SimOrder order) {
        SimOrder previous = orders.put(order.amazonOrderId(), order);
        if (previous != null) {
            byPurchase.remove(new OrderKey(previous.purchaseDate(), previous.amazonOrderId()));
            byUpdate.remove(new OrderKey(previous.lastUpdateDate(), previous.amazonOrderId()));
        }
        byPurchase.add(new OrderKey(order.purchaseDate(), order.amazonOrderId()));
        byUpdate.add(new OrderKey(order.lastUpdateDate(), order.amazonOrderId()));
        return order;
    }
}
