package io.nexusconnect.sims.amazon.seed;

import io.nexusconnect.sims.amazon.SellerAccount;
import io.nexusconnect.sims.amazon.model.FulfillmentChannel;
import io.nexusconnect.sims.amazon.model.OrderStatus;
import io.nexusconnect.sims.amazon.model.ShipTo;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.amazon.model.SimOrderItem;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.SplittableRandom;

/**
 * Builds orders of one seller from a random source: ids in Amazon's formats (3-7-7 digit order ids, 14 digit item
 * ids), prices from the listings, taxes, shipping, promotions and shipped quantities that fit the status.
 */
public final class OrderFactory {
    private final SellerAccount seller;
    private final SplittableRandom random;
    private final Set<String> usedOrderIds = new HashSet<>();

    public OrderFactory(SellerAccount seller, SplittableRandom random) {
        this.seller = seller;
        this.random = random;
    }

    /** One line of a new order: which listing, how many units. */
    public record Line(SimListing listing, int quantity) {
    }

    public synchronized SimOrder create(OrderStatus status, FulfillmentChannel channel, List<Line> lines,
                                        Instant purchaseDate, Instant lastUpdateDate) {
        List<SimOrderItem> items = new ArrayList<>();
        BigDecimal taxRate = new BigDecimal(Catalog.TAX_RATES.get(random.nextInt(Catalog.TAX_RATES.size())));
        boolean freeShipping = channel == FulfillmentChannel.AFN || random.nextInt(10) < 6;
        for (Line line : lines) {
            BigDecimal itemPrice = line.listing().price().multiply(BigDecimal.valueOf(line.quantity()));
            BigDecimal promotion = random.nextInt(10) == 0
                    ? itemPrice.multiply(BigDecimal.valueOf(5 + random.nextInt(11), 2)).setScale(2, RoundingMode.HALF_UP)
                    : BigDecimal.ZERO.setScale(2);
            BigDecimal tax = itemPrice.subtract(promotion).multiply(taxRate).setScale(2, RoundingMode.HALF_UP);
            BigDecimal shipping = freeShipping ? BigDecimal.ZERO.setScale(2)
                    : new BigDecimal(random.nextBoolean() ? "3.99" : "5.99");
            items.add(new SimOrderItem(itemId(), line.listing().asin(), line.listing().sku(), line.listing().title(),
                    line.quantity(), 0, line.listing().price(), tax, shipping, promotion));
        }
        items = shipped(status, items);
        List<ShipTo> places = Catalog.PLACES.get(seller.marketplace().countryCode());
        ShipTo shipTo = places.get(random.nextInt(places.size()));
        boolean prime = random.nextInt(100) < (channel == FulfillmentChannel.AFN ? 60 : 20);
        boolean expedited = random.nextInt(5) == 0;
        String level = expedited ? "Expedited" : "US".equals(shipTo.countryCode()) ? "Std US D2D Dom" : "Standard";
        return new SimOrder(orderId(), seller.marketplaceId(), seller.marketplace().defaultCurrencyCode(), purchaseDate,
                lastUpdateDate, status, channel, prime, random.nextInt(20) == 0, level, shipTo, items);
    }

    /** Random lines: 1–3 distinct listings, mostly one unit each. */
    public synchronized List<Line> randomLines(List<SimListing> listings) {
        int count = Math.min(listings.size(), 1 + weighted(new int[]{70, 22, 8}));
        List<Line> lines = new ArrayList<>();
        Set<Integer> picked = new HashSet<>();
        while (lines.size() < count) {
            int index = random.nextInt(listings.size());
            if (picked.add(index)) {
                lines.add(new Line(listings.get(index), 1 + weighted(new int[]{80, 15, 5})));
            }
        }
        return lines;
    }

    public synchronized OrderStatus randomStatus(FulfillmentChannel channel) {
        if (channel == FulfillmentChannel.AFN) {
            OrderStatus[] afn = {OrderStatus.SHIPPED, OrderStatus.UNSHIPPED, OrderStatus.PENDING, OrderStatus.CANCELED};
            return afn[weighted(new int[]{72, 10, 8, 10})];
        }
        OrderStatus[] mfn = {OrderStatus.SHIPPED, OrderStatus.UNSHIPPED, OrderStatus.PENDING,
                OrderStatus.PARTIALLY_SHIPPED, OrderStatus.CANCELED, OrderStatus.INVOICE_UNCONFIRMED,
                OrderStatus.PENDING_AVAILABILITY};
        return mfn[weighted(new int[]{50, 20, 8, 6, 9, 4, 3})];
    }

    public synchronized FulfillmentChannel randomChannel() {
        return random.nextInt(100) < 30 ? FulfillmentChannel.AFN : FulfillmentChannel.MFN;
    }

    public synchronized long nextLong(long boundExclusive) {
        return boundExclusive <= 0 ? 0 : random.nextLong(boundExclusive);
    }

    /** Shipped quantities that fit the status (a PartiallyShipped order ships its first unit only). */
    public static List<SimOrderItem> shipped(OrderStatus status, List<SimOrderItem> items) {
        List<SimOrderItem> result = new ArrayList<>();
        boolean all = status == OrderStatus.SHIPPED || status == OrderStatus.INVOICE_UNCONFIRMED;
        for (int i = 0; i < items.size(); i++) {
            SimOrderItem item = items.get(i);
            int shipped = all ? item.quantityOrdered() : 0;
            if (status == OrderStatus.PARTIALLY_SHIPPED && i == 0) {
                shipped = 1;
            }
            result.add(item.withQuantityShipped(shipped));
        }
        if (status == OrderStatus.PARTIALLY_SHIPPED && result.size() == 1 && result.getFirst().quantityOrdered() == 1) {
            throw new IllegalArgumentException("a PartiallyShipped order needs at least two units");
        }
        return result;
    }

    private String orderId() {
        int[] prefixes = Catalog.ORDER_ID_PREFIXES.get(seller.region());
        while (true) {
            String id = String.format("%03d-%07d-%07d", prefixes[random.nextInt(prefixes.length)],
                    random.nextInt(10_000_000), random.nextInt(10_000_000));
            if (usedOrderIds.add(id)) {
                return id;
            }
        }
    }

    private String itemId() {
        return String.format("%014d", random.nextLong(100_000_000_000_000L));
    }

    private int weighted(int[] weights) {
        int total = 0;
        for (int w : weights) {
            total += w;
        }
        int pick = random.nextInt(total);
        for (int i = 0; i < weights.length; i++) {
            pick -= weights[i];
            if (pick < 0) {
                return i;
            }
        }
        return weights.length - 1;
    }
}
