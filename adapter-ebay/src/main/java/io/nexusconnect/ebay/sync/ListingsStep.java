package io.nexusconnect.ebay.sync;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.paging.Page;
import io.nexusconnect.adapterkit.paging.Paging;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.ebay.client.EbayAccount;
import io.nexusconnect.ebay.client.EbayApiClient;
import io.nexusconnect.ebay.client.model.InventoryItemsPage;
import io.nexusconnect.ebay.client.model.Offers;
import io.nexusconnect.ebay.mapping.ListingMapper;

import java.time.Instant;
import java.util.Comparator;
import java.util.Map;
import java.util.Optional;

/**
 * Every inventory item (getInventoryItems, following the {@code next} link: the spec calls {@code offset} a page
 * number, reference §2.2 doubts it, the link is right either way) as an inventory level, and — when products are
 * asked for — with its offer (getOffers per SKU: status, price, listing) as a product with its health verdict. The
 * Inventory API has no "modified since" filter, so every cycle reads the whole inventory.
 */
final class ListingsStep {
    static final String CURSOR = "listings.syncedAt";

    private final EbayApiClient api;
    private final CycleContext context;
    private final EbayAccount account;
    private final int pageSize;

    ListingsStep(EbayApiClient api, CycleContext context, EbayAccount account, int pageSize) {
        this.api = api;
        this.context = context;
        this.account = account;
        this.pageSize = pageSize;
    }

    Map<String, String> run(RecordSink sink) {
        Instant startedAt = context.clock().instant();
        boolean products = context.wants(SyncScope.PRODUCTS);
        boolean inventory = context.wants(SyncScope.INVENTORY);
        Paging.tokens().forEach(request -> {
            MarketplaceResponse response = api.getInventoryItems(account, q -> request.token() == null
                    ? q.query("limit", Integer.toString(pageSize)).query("offset", "0")
                    : q.queryString(request.token()));
            InventoryItemsPage page = response.json(InventoryItemsPage.class);
            if (page.inventoryItems() == null) {
                throw response.malformed("a page without inventoryItems", null);
            }
            for (InventoryItemsPage.InventoryItem item : page.inventoryItems()) {
                try {
                    if (products) {
                        sink.product(ListingMapper.toProduct(item, offer(item.sku()), account.marketplaceId(),
                                account.connectionId(), account.tenantId(), account.currencyOverride(),
                                context.syncId(), context.clock().instant()));
                    }
                    if (inventory) {
                        ListingMapper.toInventory(item, account.connectionId(), account.tenantId(), context.syncId(),
                                context.clock().instant()).ifPresent(sink::inventory);
                    }
                } catch (IllegalArgumentException e) {
                    throw response.malformed("an inventory item that cannot be read (" + e.getMessage() + ")", e);
                }
            }
            return Page.of(page.inventoryItems(), page.next());
        }, page -> sink.pageCompleted(products ? SyncScope.PRODUCTS : SyncScope.INVENTORY));
        return Map.of(CURSOR, startedAt.toString());
    }

    /** The SKU's fixed-price offer on the connection's marketplace (else its first offer); none when eBay has none. */
    private Optional<Offers.Offer> offer(String sku) {
        MarketplaceResponse response;
        try {
            response = api.getOffers(account, sku);
        } catch (MarketplaceException e) {
            if (e.code() == ErrorCode.INTERNAL && Integer.valueOf(404).equals(e.httpStatus())) {
                return Optional.empty();
            }
            throw e;
        }
        Offers offers = response.json(Offers.class);
        if (offers.offers() == null) {
            return Optional.empty();
        }
        return offers.offers().stream()
                .min(Comparator.comparing((Offers.Offer o) -> !account.marketplaceId().equals(o.marketplaceId()))
                        .thenComparing(o -> !"FIXED_PRICE".equals(o.format())));
    }
}
