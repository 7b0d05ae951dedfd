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
import io.nexusconnect.amazon.config.AmazonConfig;
import io.nexusconnect.amazon.reports.BackfillPlanner;
import io.nexusconnect.amazon.reports.BackfillState;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.amazon.mapping.OrderMapper;
import io.nexusconnect.contracts.sync.SyncScope;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * Orders changed in [cursor or now − lookback, now − lag guard], page by page with getOrders (NextToken plus the
 * original filters), each with its lines from getOrderItems. A long window is read in slices sized by
 * {@link SliceSizer}, each a checkpoint. A first or full sync whose window is estimated to hold more orders than the
 * backfill threshold is read through order tracking reports instead ({@link ReportBackfill}). The next cursor is the
 * LastUpdatedBefore used, so the next cycle starts exactly where this one's window ended.
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
    /** LastUpdateDate (as an instant) of every order published by this step: both window bounds are inclusive, so an
     * order stamped exactly on a boundary comes twice; the second time it is skipped, items call included. */
    private final Map<String, String> publishedAt = new HashMap<>();

    private final ReportBackfill reports;
    private final AmazonConfig.Reports reportSettings;

    OrdersStep(SpApiClient api, CycleContext context, AmazonAccount account, AmazonConfig.Orders orders,
               AmazonConfig.Reports reportSettings, ReportBackfill reports) {
        this.api = api;
        this.context = context;
        this.account = account;
        this.lagGuard = orders.lagGuard();
        this.pageSize = orders.pageSize();
        this.slice = orders.windowSlice();
        this.reportSettings = reportSettings;
        this.reports = reports;
    }

    Map<String, String> run(RecordSink sink) {
        Instant before = context.clock().instant().minus(lagGuard).truncatedTo(ChronoUnit.SECONDS);
        Instant after = lastUpdatedAfter(before);
        if (!before.isAfter(after)) {
            // the window is still inside the lag guard: Amazon would reject it, and nothing is lost by waiting
            return Map.of(CURSOR, after.toString());
        }
        Optional<BackfillState> backfill = context.cursor(BackfillState.CURSOR).flatMap(BackfillState::decode)
                .map(state -> state.after(after)).filter(state -> !state.isEmpty());
        if (backfill.isEmpty() && context.cursor(CURSOR).isEmpty() && reportsPayOff(after, before)) {
            backfill = Optional.of(BackfillState.of(BackfillPlanner.windows(after, before, reportSettings.window())));
        }
        Instant from = after;
        if (backfill.isPresent()) {
            reports.run(sink, backfill.get(), order -> publish(sink, order), this::readByApi);
            from = backfill.get().end().isAfter(from) ? backfill.get().end() : from;
        }
        // what changed since the backfill was planned (or everything, without one) through getOrders
        readByApi(sink, from, before);
        Map<String, String> next = new HashMap<>();
        next.put(CURSOR, before.toString());
        next.put(BackfillState.CURSOR, null); // the kit drops a null cursor: the backfill is over
        return next;
    }

    /**
     * One getOrders page over the newest part of the window tells how dense it is; reports pay off when the
     * getOrderItems calls of the whole window are estimated above the threshold (BEHAVIOR.md).
     */
    private boolean reportsPayOff(Instant after, Instant before) {
        if (reportSettings.backfillThreshold() < 0) {
            return false;
        }
        Duration window = Duration.between(after, before);
        Duration probe = window.compareTo(slice) < 0 ? window : slice;
        Instant probeStart = before.minus(probe);
        MarketplaceResponse response = api.getOrders(account, q -> q
                .query("MarketplaceIds", String.join(",", account.marketplaceIds()))
                .query("LastUpdatedAfter", probeStart.toString())
                .query("LastUpdatedBefore", before.toString())
                .query("MaxResultsPerPage", Integer.toString(pageSize)));
        OrdersPage page = SpApiPayload.payload(response, OrdersPage.class);
        int seen = page.orders() == null ? 0 : page.orders().size();
        boolean more = page.nextToken() != null && !page.nextToken().isBlank();
        BackfillPlanner.Estimate estimate = BackfillPlanner.estimate(window, probe, seen, more);
        boolean useReports = BackfillPlanner.useReports(estimate, reportSettings.backfillThreshold());
        LOG.infof("connection %s: %s%d orders estimated over %s (%d in the newest %s); backfill through %s",
                account.connectionId(), estimate.atLeast() ? "at least " : "", estimate.orders(), window, seen, probe,
                useReports ? "order tracking reports" : "getOrders + getOrderItems");
        return useReports;
    }

    /**
     * [from, to] through getOrders + getOrderItems: a long window is read in slices sized to about one page each,
     * oldest first, each checkpointed once published, so a first sync that outlasts the cycle deadline continues
     * from the last whole slice.
     */
    private void readByApi(RecordSink sink, Instant from, Instant before) {
        SliceSizer sizer = new SliceSizer(slice, pageSize);
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
                if (order.lastUpdateDate() != null && published(order)) {
                    continue;
                }
                List<AmazonOrderItem> items = items(order, response);
                try {
                    publish(sink, OrderMapper.toOrder(order, items, account.connectionId(), account.tenantId(),
                            account.currencyOverride(), context.syncId(), context.clock().instant()));
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

    /** Publishes an order unless this step already published it with the same LastUpdateDate (boundary overlap). */
    private void publish(RecordSink sink, Order order) {
        String updated = order.updatedAt().toString();
        if (updated.equals(publishedAt.put(order.externalId(), updated))) {
            return;
        }
        sink.order(order);
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

    private boolean published(AmazonOrder order) {
        try {
            return OffsetDateTime.parse(order.lastUpdateDate()).toInstant().toString()
                    .equals(publishedAt.get(order.amazonOrderId()));
        } catch (DateTimeParseException e) {
            return false;
        }
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
