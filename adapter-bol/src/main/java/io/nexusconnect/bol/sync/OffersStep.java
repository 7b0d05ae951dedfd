package io.nexusconnect.bol.sync;

import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.bol.client.BolAccount;
import io.nexusconnect.bol.mapping.OfferExport;
import io.nexusconnect.bol.offers.OfferCatalogue;
import io.nexusconnect.contracts.sync.SyncScope;

import java.util.Map;

/** Every offer of the offer export as a product (request → process status → CSV; {@link OfferCatalogue}). */
final class OffersStep {
    private final OfferCatalogue catalogue;
    private final CycleContext context;
    private final BolAccount account;

    OffersStep(OfferCatalogue catalogue, CycleContext context, BolAccount account) {
        this.catalogue = catalogue;
        this.context = context;
        this.account = account;
    }

    Map<String, String> run(RecordSink sink) throws MarketplaceException {
        OfferExport export = catalogue.fresh(account);
        for (OfferExport.Row row : export.rows()) {
            sink.product(OfferExport.toProduct(row, account.connectionId(), account.tenantId(), context.syncId(),
                    context.clock().instant()));
        }
        sink.pageCompleted(SyncScope.PRODUCTS);
        return Map.of();
    }
}
