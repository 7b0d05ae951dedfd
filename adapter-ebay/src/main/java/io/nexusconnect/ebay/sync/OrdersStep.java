package io.nexusconnect.ebay.sync;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.paging.Page;
import io.nexusconnect.adapterkit.paging.Paging;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.ebay.client.EbayAccount;
import io.nexusconnect.ebay.client.EbayApiClient;
import io.nexusconnect.ebay.client.model.EbayOrder;
import io.nexusconnect.ebay.client.model.OrdersPage;
import io.nexusconnect.ebay.config.EbayConfig;
import io.nexusconnect.ebay.mapping.OrderMapper;
import org.jboss.logging.Logger;

import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.HashMap;
import java.util.Map;

/**
 * Orders modified in [cursor + 1 ms or now − lookback, now − end guard], read with getOrders
 * ({@code filter=lastmodifieddate:[from..to]}, {@code fieldGroups=TAX_BREAKDOWN}, limit/offset paging to the end).
 * eBay pages by offset over a list sorted by creation date: an order modified while its window is paged leaves the
 * window and shifts the later ones back, so when {@code total} changed during the walk the window is read again
 * (records are idempotent by key; an order already published with the same lastModifiedDate is skipped).
 */
final class OrdersStep {
    static final String CURSOR = "orders.lastModifiedDate";
    private static final Logger LOG = Logger.getLogger(OrdersStep.class);
    private static final DateTimeFormatter EBAY_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private final EbayApiClient api;
    private final CycleContext context;
    private final EbayAccount account;
    private final EbayConfig.Orders config;
    private final Map<String, String> published = new HashMap<>();

    OrdersStep(EbayApiClient api, CycleContext context, EbayAccount account, EbayConfig.Orders config) {
        this.api = api;
        this.context = context;
        this.account = account;
        this.config = config;
    }

    Map<String, String> run(RecordSink sink) {
        Instant to = context.clock().instant().minus(config.endGuard()).truncatedTo(ChronoUnit.MILLIS);
        Instant from = windowStart(to);
        if (from.isAfter(to)) {
            return Map.of(CURSOR, context.cursor(CURSOR).orElse(to.toString()));
        }
        Instant sliceStart = from;
        while (!sliceStart.isAfter(to)) {
            Instant sliceEnd = sliceStart.plus(config.windowSlice()).isBefore(to)
                    ? sliceStart.plus(config.windowSlice()) : to;
            readWindow(sink, sliceStart, sliceEnd);
            if (sliceEnd.isBefore(to)) {
                sink.checkpoint(Map.of(CURSOR, sliceEnd.toString()));
            }
            sliceStart = sliceEnd.plusMillis(1);
        }
        return Map.of(CURSOR, to.toString());
    }

    private void readWindow(RecordSink sink, Instant from, Instant to) {
        String filter = "lastmodifieddate:[" + EBAY_TIME.format(from) + ".." + EBAY_TIME.format(to) + "]";
        for (int read = 0; ; read++) {
            long[] totals = {-1, -1};
            Paging.offsets(config.pageSize()).forEach(request -> {
                MarketplaceResponse response = api.getOrders(account, q -> q.query("filter", filter)
                        .query("fieldGroups", "TAX_BREAKDOWN")
                        .query("limit", Integer.toString(request.limit()))
                        .query("offset", Long.toString(request.offset())));
                OrdersPage page = response.json(OrdersPage.class);
                if (page.orders() == null) {
                    throw response.malformed("a page without orders", null);
                }
                long total = page.total() == null ? -1 : page.total();
                totals[0] = totals[0] < 0 ? total : totals[0];
                totals[1] = total;
                publish(sink, page, response);
                return Page.withTotal(page.orders(), total);
            }, page -> sink.pageCompleted(SyncScope.ORDERS));
            if (totals[0] == totals[1] || read >= config.maxRereads()) {
                return;
            }
            LOG.infof("connection %s: %d orders in window %s became %d while paging; reading it again",
                    account.connectionId(), totals[0], filter, totals[1]);
        }
    }

    private void publish(RecordSink sink, OrdersPage page, MarketplaceResponse response) {
        for (EbayOrder order : page.orders()) {
            if (order.orderId() != null && order.lastModifiedDate() != null
                    && order.lastModifiedDate().equals(published.get(order.orderId()))) {
                continue;
            }
            try {
                sink.order(OrderMapper.toOrder(order, account.marketplaceId(), account.connectionId(),
                        account.tenantId(), account.currencyOverride(), context.syncId(), context.clock().instant()));
                published.put(order.orderId(), order.lastModifiedDate());
            } catch (IllegalArgumentException | DateTimeParseException | ArithmeticException e) {
                throw response.malformed("an order that cannot be read (" + e.getMessage() + ")", e);
            }
        }
    }

    private Instant windowStart(Instant to) {
        var cursor = context.cursor(CURSOR);
        if (cursor.isPresent()) {
            try {
                return Instant.parse(cursor.get()).plusMillis(1);
            } catch (DateTimeParseException e) {
                LOG.warnf("connection %s: unreadable orders cursor, falling back to the lookback",
                        account.connectionId());
            }
        }
        return to.plus(config.endGuard()).minus(context.lookback().duration()).truncatedTo(ChronoUnit.MILLIS);
    }
}
