package io.nexusconnect.kaufland.sync;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.paging.Paging;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.kaufland.client.KauflandAccount;
import io.nexusconnect.kaufland.client.KauflandApiClient;
import io.nexusconnect.kaufland.client.model.Pagination;
import io.nexusconnect.kaufland.client.model.Unit;
import io.nexusconnect.kaufland.client.model.UnitsPage;
import io.nexusconnect.kaufland.mapping.UnitMapper;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Every unit of every storefront of the connection ({@code GET /units}, limit/offset to the end; the API has no
 * "changed since" filter), as products with their health verdict and — after all storefronts — one inventory level
 * per SKU.
 */
final class UnitsStep {
    static final String CURSOR = "units.syncedAt";

    private final KauflandApiClient api;
    private final CycleContext context;
    private final KauflandAccount account;
    private final int pageSize;

    UnitsStep(KauflandApiClient api, CycleContext context, KauflandAccount account, int pageSize) {
        this.api = api;
        this.context = context;
        this.account = account;
        this.pageSize = pageSize;
    }

    Map<String, String> run(RecordSink sink) {
        Instant startedAt = context.clock().instant();
        boolean products = context.wants(SyncScope.PRODUCTS);
        List<Unit> all = new ArrayList<>();
        for (String storefront : account.storefronts()) {
            Paging.offsets(pageSize).forEach(request -> {
                MarketplaceResponse response = api.getUnits(account, q -> q.query("storefront", storefront)
                        .query("limit", Integer.toString(request.limit()))
                        .query("offset", Long.toString(request.offset())));
                UnitsPage page = response.json(UnitsPage.class);
                if (page.data() == null) {
                    throw response.malformed("a page without data", null);
                }
                for (Unit unit : page.data()) {
                    Unit withStorefront = unit.storefront() == null ? withStorefront(unit, storefront) : unit;
                    all.add(withStorefront);
                    if (products) {
                        try {
                            sink.product(UnitMapper.toProduct(withStorefront, account.connectionId(),
                                    account.tenantId(), context.syncId(), context.clock().instant()));
                        } catch (IllegalArgumentException | DateTimeParseException e) {
                            throw response.malformed("a unit that cannot be read (" + e.getMessage() + ")", e);
                        }
                    }
                }
                return Pagination.page(page.data(), page.pagination());
            }, page -> sink.pageCompleted(products ? SyncScope.PRODUCTS : SyncScope.INVENTORY));
        }
        if (context.wants(SyncScope.INVENTORY)) {
            UnitMapper.toInventory(all, account.storefronts(), account.connectionId(), account.tenantId(),
                    context.syncId(), context.clock().instant()).forEach(sink::inventory);
            sink.pageCompleted(SyncScope.INVENTORY);
        }
        return Map.of(CURSOR, startedAt.toString());
    }

    private static Unit withStorefront(Unit u, String storefront) {
        return new Unit(u.idUnit(), u.idOffer(), u.idProduct(), u.amount(), u.listingPrice(), u.price(), u.currency(),
                u.condition(), u.status(), storefront, u.dateInsertedIso(), u.dateLastchangeIso(),
                u.fulfillmentType());
    }
}
