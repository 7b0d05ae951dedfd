package io.nexusconnect.bol.stock;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.ErrorBody;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.stock.StockWriter;
import io.nexusconnect.bol.client.BolAccount;
import io.nexusconnect.bol.client.BolErrors;
import io.nexusconnect.bol.mapping.OfferExport;
import io.nexusconnect.bol.offers.BolOffers;
import io.nexusconnect.bol.offers.OfferCatalogue;
import io.nexusconnect.bol.process.ProcessStatus;
import io.nexusconnect.bol.process.ProcessStatusPoller;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets quantities with {@code PUT /retailer/offers/{offer-id}/stock}, one call per offer (v10 has no bulk stock
 * call), the offer found by SKU (reference code, else EAN) in the offer export. bol answers each with a PENDING
 * process status; the command's items count as done only when theirs says SUCCESS. FAILURE is a rejected item with
 * bol's {@code errorMessage}; a 4xx answer to the PUT is a rejected item with bol's problem detail; TIMEOUT or a
 * status still PENDING after {@code give-up-after} fails the whole command with TIMEOUT, so the kit retries it (setting
 * an amount again is harmless). Throttling, outages and credential problems are thrown for the whole command.
 */
@ApplicationScoped
public class BolStockWriter implements StockWriter {
    private final BolOffers offers;
    private final OfferCatalogue catalogue;
    private final ProcessStatusPoller poller;

    BolStockWriter(BolOffers offers, OfferCatalogue catalogue, ProcessStatusPoller poller) {
        this.offers = offers;
        this.catalogue = catalogue;
        this.poller = poller;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.BOL;
    }

    @Override
    public List<Rejection> setStock(ConnectionSnapshot connection, ConnectionCredentials credentials,
                                    List<SetStock.Item> items) {
        BolAccount account = BolAccount.of(connection, credentials);
        Map<String, Integer> quantities = StockWriter.lastQuantityPerSku(items);
        OfferExport kept = catalogue.current(account);
        OfferExport export = quantities.keySet().stream().anyMatch(sku -> kept.bySku(sku).isEmpty())
                ? catalogue.fresh(account) : kept;
        List<Rejection> rejections = new ArrayList<>();
        Map<String, String> skuByProcess = new LinkedHashMap<>();
        List<ProcessStatus> started = new ArrayList<>();
        for (Map.Entry<String, Integer> entry : quantities.entrySet()) {
            var offer = export.bySku(entry.getKey());
            if (offer.isEmpty()) {
                rejections.add(new Rejection(entry.getKey(), "bol's offer export lists no offer with reference"
                        + " code or EAN " + entry.getKey()));
                continue;
            }
            try {
                ProcessStatus status = offers.updateStock(account, offer.get().offerId(), entry.getValue());
                skuByProcess.put(status.id(), entry.getKey());
                started.add(status);
            } catch (MarketplaceException e) {
                if (e.isTransient() || e.httpStatus() == null || e.code() != ErrorCode.INTERNAL) {
                    throw e;
                }
                ErrorBody problem = BolErrors.problem(e.rawResponse());
                rejections.add(new Rejection(entry.getKey(), "HTTP " + e.httpStatus() + " " + problem.code() + ": "
                        + problem.message()));
            }
        }
        List<String> unconfirmed = new ArrayList<>();
        for (ProcessStatus done : poller.await(account, started).values()) {
            String sku = skuByProcess.get(done.id());
            switch (done.state()) {
                case SUCCESS -> {
                }
                case FAILURE -> rejections.add(new Rejection(sku, "FAILURE: " + (done.errorMessage() == null
                        ? "bol gave no error message" : done.errorMessage()) + " (process status " + done.id() + ")"));
                default -> unconfirmed.add(sku + " (" + done.state() + ", process status " + done.id() + ")");
            }
        }
        if (!unconfirmed.isEmpty()) {
            throw new MarketplaceException(ErrorCode.TIMEOUT, unconfirmed.size() + " stock update(s) not confirmed"
                    + " by bol: " + String.join(", ", unconfirmed.subList(0, Math.min(10, unconfirmed.size())))
                    + (unconfirmed.size() > 10 ? ", …" : ""));
        }
        return rejections;
    }
}
