package io.nexusconnect.amazon.sync;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.amazon.client.AmazonAccount;
import io.nexusconnect.amazon.client.SpApiClient;
import io.nexusconnect.amazon.client.SpApiPayload;
import io.nexusconnect.amazon.client.model.AmazonOrder;
import io.nexusconnect.amazon.client.model.AmazonOrderItem;
import io.nexusconnect.amazon.client.model.OrderItemsPage;
import io.nexusconnect.amazon.client.model.OrdersPage;
import io.nexusconnect.amazon.mapping.OrderMapper;
import io.nexusconnect.contracts.sync.SyncScope;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.OptionalInt;

/**
 * Orders changed in [cursor or now − lookback, now − lag guard], page by page with getOrders (NextToken plus the
 * original filters), each with its lines from getOrderItems. A long window is read in slices sized by
 * {@link SliceSizer}, each a checkpoint. The next cursor is the LastUpdatedBefore used, so the next cycle starts
 * exactly where this one's window ended.
 */
final class OrdersStep {
    static final String CURSOR = "orders.lastUpdatedAfter";
    private static final Logger LOG = Logger.getLogger(OrdersStep.class);

    private final SpApiClient api;
    private final CycleContext context;
    private final AmazonAccount account;
    private final Duration lagGuard;
    private final int pageSize;
    private final Duration slice;
    /** LastUpdateDate of every order published by this step: both window bounds are inclusive, so an order stamped
     * exactly on a slice boundary comes twice; the second time it is skipped, items call included. */
    private final Map<String, String> published = new HashMap<>();

    OrdersStep(SpApiClient api, CycleContext context, AmazonAccount account, Duration lagGuard, int pageSize,
               Duration slice) {
        this.api = api;
        this.context = context;
        this.account = account;
        this.lagGuard = lagGuard;
        this.pageSize = pageSize;
        this.slice = slice;
    }

    Map<String, String> run(RecordSink sink) {
        Instant before = context.clock().instant().minus(lagGuard).truncatedTo(ChronoUnit.SECONDS);
        Instant after = lastUpdatedAfter(before);
        if (!before.isAfter(after)) {
            // the window is still inside the lag guard: Amazon would reject it, and nothing is lost by waiting
            return Map.of(CURSOR, after.toString());
        }
        // a long lookback is read in windows sized to about one page each, oldest first, each checkpointed once
        // published, so a first sync that outlasts the cycle deadline continues from the last whole window
        SliceSizer sizer = new SliceSizer(slice, pageSize);
        Instant from = after;
        while (from.isBefore(before)) {
            Instant end = from.plus(sizer.length()).truncatedTo(ChronoUnit.SECONDS);
            Instant to = end.isAfter(from) && end.isBefore(before) ? end : before;
            Duration window = Duration.between(from, to);
            OptionalInt read = readWindow(sink, from, to, sizer.canSplit(window));
            if (read.isEmpty()) {
                sizer.overflowed(window);
                continue;
            }
            sizer.completed(window, read.getAsInt());
            from = to;
        }
        return Map.of(CURSOR, before.toString());
    }

    /**
     * Reads [after, before] page by page, then checkpoints its end and reports it complete (the kit enforces the
     * cycle deadline there, so a window read whole is never lost to it). With {@code splittable}, a first
     * page that already has a next page is dropped unread (no getOrderItems spent) and empty is answered: the caller
     * reads a shorter window instead.
     *
     * @return the number of orders the window held, or empty when it was dropped
     */
    private OptionalInt readWindow(RecordSink sink, Instant after, Instant before, boolean splittable) {
        String marketplaceIds = String.join(",", account.marketplaceIds());
        String nextToken = null;
        int orders = 0;
        do {
            String token = nextToken;
            MarketplaceResponse response = api.getOrders(account, q -> q
                    .query("MarketplaceIds", marketplaceIds)
                    .query("LastUpdatedAfter", after.toString())
                    .query("LastUpdatedBefore", before.toString())
                    .query("MaxResultsPerPage", Integer.toString(pageSize))
                    .query("NextToken", token));
            OrdersPage page = SpApiPayload.payload(response, OrdersPage.class);
            if (page.orders() == null) {
                throw response.malformed("a payload without Orders", null);
            }
            nextToken = page.nextToken() == null || page.nextToken().isBlank() ? null : page.nextToken();
            if (splittable && token == null && nextToken != null) {
                return OptionalInt.empty();
            }
            for (AmazonOrder order : page.orders()) {
                orders++;
                if (order.lastUpdateDate() != null && order.lastUpdateDate().equals(published.get(order.amazonOrderId()))) {
                    continue;
                }
                List<AmazonOrderItem> items = items(order, response);
                try {
                    sink.order(OrderMapper.toOrder(order, items, account.connectionId(), account.tenantId(),
                            account.currencyOverride(), context.syncId(), context.clock().instant()));
                    published.put(order.amazonOrderId(), order.lastUpdateDate());
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw response.malformed("an order that cannot be read (" + e.getMessage() + ")", e);
                }
            }
        } while (nextToken != null);
        // progress and the deadline check come once per window, after its checkpoint: a deadline between two pages
        // of a window would throw away the pages already read, since a window is only resumable as a whole
        sink.checkpoint(Map.of(CURSOR, before.toString()));
        sink.pageCompleted(SyncScope.ORDERS);
        return OptionalInt.of(orders);
    }

    private Instant lastUpdatedAfter(Instant before) {
        var cursor = context.cursor(CURSOR);
        if (cursor.isPresent()) {
            try {
                return Instant.parse(cursor.get());
            } catch (DateTimeParseException e) {
                LOG.warnf("connection %s: unreadable orders cursor, falling back to the lookback", account.connectionId());
            }
        }
        return before.plus(lagGuard).minus(context.lookback().duration()).truncatedTo(ChronoUnit.SECONDS);
    }

    private List<AmazonOrderItem> items(AmazonOrder order, MarketplaceResponse ordersResponse) {
        if (order.amazonOrderId() == null || order.amazonOrderId().isBlank()) {
            throw ordersResponse.malformed("an order without AmazonOrderId", null);
        }
        List<AmazonOrderItem> items = new ArrayList<>();
        String nextToken = null;
        do {
            MarketplaceResponse response = api.getOrderItems(account, order.amazonOrderId(), nextToken);
            OrderItemsPage page = SpApiPayload.payload(response, OrderItemsPage.class);
            if (page.orderItems() == null) {
                throw response.malformed("a payload without OrderItems", null);
            }
            items.addAll(page.orderItems());
            nextToken = page.nextToken() == null || page.nextToken().isBlank() ? null : page.nextToken();
        } while (nextToken != null);
        return items;
    }
}
