package io.nexusconnect.sims.bol;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Random;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/** The demo retailer's offers, orders and process statuses. Seeded deterministically; thread-safe. */
public final class BolStore {
    /** How a write's process status ends once its processing time has passed. */
    public enum Outcome { SUCCESS, FAILURE, TIMEOUT }

    public record Offer(String offerId, String ean, String reference, String title, BigDecimal price,
                        String fulfilmentMethod, int stock, boolean managedByRetailer, Instant mutated) {
        Offer withStock(int amount, boolean managed, Instant at) {
            return new Offer(offerId, ean, reference, title, price, fulfilmentMethod, amount, managed, at);
        }
    }

    public record Item(String orderItemId, Offer offer, int quantity, int quantityShipped, BigDecimal unitPrice,
                       BigDecimal discount, String fulfilmentMethod, Instant changed) {
        /** The spec's totalPrice: what the customer paid for the whole item, discounts taken off. */
        public BigDecimal totalPrice() {
            return unitPrice.multiply(BigDecimal.valueOf(quantity)).subtract(discount).setScale(2, RoundingMode.HALF_UP);
        }

        public boolean open() {
            return quantityShipped < quantity;
        }
    }

    public record Order(String orderId, Instant placed, List<Item> items) {
    }

    /** A write as bol processes it: pending until {@code resolvesAt}, then its outcome. */
    public record Process(String id, String entityId, String eventType, String description, Instant created,
                          Instant resolvesAt, Outcome outcome, String errorMessage, Runnable onSuccess) {
    }

    private final Map<String, Offer> offers = new ConcurrentHashMap<>();
    private final List<Order> orders = new java.util.concurrent.CopyOnWriteArrayList<>();
    private final Map<String, Process> processes = new ConcurrentHashMap<>();
    private final Map<String, Outcome> forcedOutcomes = new ConcurrentHashMap<>();
    private final Map<String, String> exports = new ConcurrentHashMap<>();
    private final AtomicLong processIds = new AtomicLong(1_000_000);

    BolStore(long seed, int orderCount, int offerCount, Instant now) {
        Random random = new Random(seed);
        List<Offer> seeded = new ArrayList<>();
        for (int i = 0; i < offerCount; i++) {
            String ean = String.format("87%011d", 1_000_000L + i);
            Offer offer = new Offer(new UUID(seed, i).toString(), ean, "SKU-BOL-" + (1000 + i), "Demo product " + i,
                    BigDecimal.valueOf(500 + random.nextInt(9500), 2), i % 4 == 3 ? "FBB" : "FBR",
                    random.nextInt(50), true, now.minus(Duration.ofDays(1)));
            offers.put(offer.offerId(), offer);
            seeded.add(offer);
        }
        List<Order> made = new ArrayList<>();
        for (int o = 0; o < orderCount; o++) {
            Instant placed = now.minus(Duration.ofMinutes(5L * (orderCount - o)));
            List<Item> items = new ArrayList<>();
            int lines = 1 + random.nextInt(3);
            for (int l = 0; l < lines; l++) {
                Offer offer = seeded.get(random.nextInt(seeded.size()));
                int quantity = 1 + random.nextInt(3);
                BigDecimal discount = quantity > 1 && random.nextInt(3) == 0 ? new BigDecimal("1.00") : BigDecimal.ZERO;
                items.add(new Item(Long.toString(2_000_000_000L + o * 10L + l), offer, quantity,
                        o % 10 == 9 ? quantity : 0, offer.price(), discount.setScale(2), offer.fulfilmentMethod(),
                        placed.plusSeconds(30)));
            }
            made.add(new Order(String.format("B%09d", 100_000 + o), placed, List.copyOf(items)));
        }
        this.orders.addAll(made);
    }

    public List<Order> orders() {
        return List.copyOf(orders);
    }

    /** A new open order now of one item: {@code quantity} pieces of the offer at its price (tests and demos). */
    public Order place(String offerId, int quantity, Instant now) {
        Offer offer = offers.get(offerId);
        if (offer == null) {
            throw new IllegalArgumentException("no offer " + offerId);
        }
        String orderId = String.format("B%09d", 500_000 + orders.size());
        Order order = new Order(orderId, now, List.of(new Item(Long.toString(3_000_000_000L + orders.size() * 10L),
                offer, quantity, 0, offer.price(), BigDecimal.ZERO.setScale(2), offer.fulfilmentMethod(), now)));
        orders.add(order);
        return order;
    }

    /** A subscription change as bol processes it: applied when its process status first reads SUCCESS. */
    Process startSubscriptionChange(String subscriptionId, String eventType, Instant now, Duration processing,
                                    Runnable apply) {
        return start(subscriptionId, eventType, eventType.replace('_', ' ').toLowerCase(java.util.Locale.ROOT)
                + " " + subscriptionId + ".", now, processing, Outcome.SUCCESS, null, apply);
    }

    public Optional<Order> order(String orderId) {
        return orders.stream().filter(o -> o.orderId().equals(orderId)).findFirst();
    }

    public Optional<Offer> offer(String offerId) {
        return Optional.ofNullable(offers.get(offerId));
    }

    public Collection<Offer> offers() {
        return List.copyOf(new LinkedHashMap<>(offers).values());
    }

    /** The next write on this entity ends with this outcome instead of its natural one (tests drive each outcome). */
    public void forceOutcome(String entityId, Outcome outcome) {
        forcedOutcomes.put(entityId, outcome);
    }

    Process startStockUpdate(String offerId, int amount, boolean managed, Instant now, Duration processing) {
        Outcome outcome = forcedOutcomes.remove(offerId);
        boolean known = offers.containsKey(offerId);
        if (outcome == null) {
            outcome = known ? Outcome.SUCCESS : Outcome.FAILURE;
        }
        String error = outcome != Outcome.FAILURE ? null : known
                ? "The stock of offer " + offerId + " could not be updated: the offer is on hold."
                : "Offer with id " + offerId + " does not exist.";
        return start(offerId, "UPDATE_OFFER_STOCK", "Update stock for offer with id " + offerId + ".", now,
                processing, outcome, error,
                () -> offers.computeIfPresent(offerId, (id, o) -> o.withStock(amount, managed, now)));
    }

    Process startExport(Instant now, Duration processing) {
        String reportId = UUID.randomUUID().toString();
        Outcome outcome = forcedOutcomes.remove("export");
        outcome = outcome == null ? Outcome.SUCCESS : outcome;
        return start(reportId, "CREATE_OFFER_EXPORT", "Create an offer export file.", now, processing, outcome,
                outcome == Outcome.FAILURE ? "The offer export could not be created." : null,
                () -> exports.put(reportId, csv()));
    }

    private Process start(String entityId, String eventType, String description, Instant now, Duration processing,
                          Outcome outcome, String error, Runnable onSuccess) {
        Process process = new Process(Long.toString(processIds.incrementAndGet()), entityId, eventType, description,
                now, now.plus(processing), outcome, error, onSuccess);
        processes.put(process.id(), process);
        return process;
    }

    /** The status at {@code now}; the first read after the processing time applies a successful write once. */
    Optional<Process> process(String id) {
        return Optional.ofNullable(processes.get(id));
    }

    Outcome settle(Process process) {
        if (process.outcome() == Outcome.SUCCESS && processes.replace(process.id(), process,
                withoutAction(process))) {
            process.onSuccess().run();
        }
        return process.outcome();
    }

    private static Process withoutAction(Process p) {
        return new Process(p.id(), p.entityId(), p.eventType(), p.description(), p.created(), p.resolvesAt(),
                p.outcome(), p.errorMessage(), () -> { });
    }

    Optional<String> export(String reportId) {
        return Optional.ofNullable(exports.get(reportId));
    }

    /** The columns bol's offer export file has (offers.html, "Offers export"), one line per offer. */
    String csv() {
        StringBuilder out = new StringBuilder("offerId,ean,conditionName,conditionCategory,conditionComment,"
                + "bundlePricesPrice,fulfilmentDeliveryCode,stockAmount,onHoldByRetailer,fulfilmentType,"
                + "mutationDateTime,referenceCode,correctedStock\n");
        for (Offer o : offers()) {
            out.append(o.offerId()).append(',').append(o.ean()).append(",NEW,NEW,,").append(o.price().toPlainString())
                    .append(",1-2d,").append(o.stock()).append(",false,").append(o.fulfilmentMethod()).append(',')
                    .append(o.mutated()).append(',').append(o.reference()).append(',').append(o.stock())
                    .append('\n');
        }
        return out.toString();
    }
}
