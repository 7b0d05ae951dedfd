package io.nexusconnect.amazon.sync;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.paging.Cursors;
import io.nexusconnect.adapterkit.paging.Page;
import io.nexusconnect.adapterkit.paging.Paging;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.amazon.client.AmazonAccount;
import io.nexusconnect.amazon.client.SpApiClient;
import io.nexusconnect.amazon.client.SpApiPayload;
import io.nexusconnect.amazon.client.model.ListingItem;
import io.nexusconnect.amazon.client.model.ListingsPage;
import io.nexusconnect.amazon.mapping.ListingMapper;
import io.nexusconnect.contracts.sync.SyncScope;
import org.jboss.logging.Logger;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.Map;

/**
 * The seller's listings with searchListingsItems (summaries, offers, fulfillmentAvailability, issues; 20 per page,
 * pageToken paging), oldest change first: one Product and one InventoryLevel (all fulfillment channels) per SKU.
 * Amazon pages through at most 1000 results of one search, so a window that holds more is continued with a
 * new search from the last lastUpdatedDate seen.
 */
final class ListingsStep {
    static final String CURSOR = "products.lastUpdatedAfter";
    private static final int SEARCH_RESULT_LIMIT = 1000;
    private static final Logger LOG = Logger.getLogger(ListingsStep.class);

    private final SpApiClient api;
    private final CycleContext context;
    private final AmazonAccount account;
    private final Duration lagGuard;
    private final int pageSize;

    ListingsStep(SpApiClient api, CycleContext context, AmazonAccount account, Duration lagGuard, int pageSize) {
        this.api = api;
        this.context = context;
        this.account = account;
        this.lagGuard = lagGuard;
        this.pageSize = pageSize;
    }

    Map<String, String> run(RecordSink sink) {
        Instant before = context.clock().instant().minus(lagGuard).truncatedTo(ChronoUnit.SECONDS);
        Instant after = cursor();
        SyncScope progressScope = context.wants(SyncScope.PRODUCTS) ? SyncScope.PRODUCTS : SyncScope.INVENTORY;
        while (true) {
            Instant windowStart = after;
            Window window = new Window();
            Paging.tokens().forEach(request -> {
                MarketplaceResponse response = api.searchListingsItems(account, q -> q
                        .query("marketplaceIds", String.join(",", account.marketplaceIds()))
                        .query("includedData", "summaries,offers,fulfillmentAvailability,issues")
                        .query("pageSize", Integer.toString(pageSize))
                        .query("lastUpdatedAfter", windowStart == null ? null : windowStart.toString())
                        .query("lastUpdatedBefore", before.toString())
                        .query("sortBy", "lastUpdatedDate")
                        .query("sortOrder", "ASC")
                        .query("pageToken", request.token()));
                ListingsPage page = SpApiPayload.body(response, ListingsPage.class);
                if (page.items() == null) {
                    throw response.malformed("a search result without items", null);
                }
                window.total = page.numberOfResults() == null ? 0 : page.numberOfResults();
                for (ListingItem item : page.items()) {
                    window.newest = publish(sink, item, response, window.newest);
                    window.seen++;
                }
                return Page.of(page.items(), page.nextToken());
            }, page -> sink.pageCompleted(progressScope));
            int seen = window.seen;
            int total = window.total;
            Instant newest = window.newest;
            boolean truncated = seen >= SEARCH_RESULT_LIMIT && total > seen;
            if (!truncated) {
                break;
            }
            if (newest == null || (windowStart != null && !newest.isAfter(windowStart))) {
                LOG.warnf("connection %s: more than %d listings share one lastUpdatedDate; the rest follow next cycle",
                        account.connectionId(), SEARCH_RESULT_LIMIT);
                return Map.of(CURSOR, newest == null ? before.toString() : newest.toString());
            }
            after = newest;
        }
        return Map.of(CURSOR, before.toString());
    }

    private Instant publish(RecordSink sink, ListingItem item, MarketplaceResponse response, Instant newest) {
        try {
            if (context.wants(SyncScope.PRODUCTS)) {
                sink.product(ListingMapper.toProduct(item, account.marketplaceIds(), account.connectionId(),
                        account.tenantId(), account.currencyOverride(), context.syncId(), context.clock().instant()));
            }
            if (context.wants(SyncScope.INVENTORY)) {
                ListingMapper.toInventory(item, account.connectionId(), account.tenantId(), context.syncId(),
                        context.clock().instant()).ifPresent(sink::inventory);
            }
            Instant updated = ListingMapper.lastUpdated(item);
            return updated != null && (newest == null || updated.isAfter(newest)) ? updated : newest;
        } catch (IllegalArgumentException | DateTimeParseException e) {
            throw response.malformed("a listings item that cannot be read (" + e.getMessage() + ")", e);
        }
    }

    /** What one search window saw, across its pages. */
    private static final class Window {
        int seen;
        int total;
        Instant newest;
    }

    private Instant cursor() {
        return Cursors.instant(context, CURSOR).orElse(null);
    }
}
