package io.nexusconnect.bol.offers;

import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.bol.client.BolAccount;
import io.nexusconnect.bol.config.BolConfig;
import io.nexusconnect.bol.mapping.OfferExport;
import io.nexusconnect.bol.process.ProcessStatus;
import io.nexusconnect.bol.process.ProcessStatusPoller;
import io.nexusconnect.contracts.sync.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The retailer's offers as the offer export lists them (request → process status → CSV), kept per account for
 * {@code nexus.bol.offers.export-max-age}: the products step reads a fresh one, SetStock finds offer ids by SKU in
 * the kept one and asks for a fresh one only when a SKU is missing from it.
 */
@ApplicationScoped
public class OfferCatalogue {
    private record Kept(OfferExport export, Instant at) {
    }

    private final BolOffers offers;
    private final ProcessStatusPoller poller;
    private final BolConfig config;
    private final Clock clock;
    private final Map<String, Kept> kept = new ConcurrentHashMap<>();

    OfferCatalogue(BolOffers offers, ProcessStatusPoller poller, BolConfig config, Clock clock) {
        this.offers = offers;
        this.poller = poller;
        this.config = config;
        this.clock = clock;
    }

    /** The kept export if young enough, else a fresh one. */
    public OfferExport current(BolAccount account) {
        Kept k = kept.get(account.rateKey());
        if (k != null && k.at().plus(config.offers().exportMaxAge()).isAfter(clock.instant())) {
            return k.export();
        }
        return fresh(account);
    }

    /** A new export, waited for and downloaded. */
    public OfferExport fresh(BolAccount account) {
        ProcessStatus started = offers.requestExport(account);
        ProcessStatus done = poller.await(account, List.of(started)).get(started.id());
        if (done.state() != ProcessStatus.State.SUCCESS) {
            throw new MarketplaceException(done.state() == ProcessStatus.State.FAILURE ? ErrorCode.INTERNAL
                    : ErrorCode.TIMEOUT, "bol's offer export ended " + done.state()
                    + (done.errorMessage() == null ? "" : ": " + done.errorMessage())
                    + " (process status " + done.id() + ")");
        }
        String csv = offers.downloadExport(account, done.entityId());
        OfferExport export;
        try {
            export = OfferExport.parse(csv);
        } catch (IllegalArgumentException e) {
            throw new MarketplaceException(ErrorCode.MALFORMED_RESPONSE, "bol's offer export " + done.entityId()
                    + " cannot be read: " + e.getMessage());
        }
        kept.put(account.rateKey(), new Kept(export, clock.instant()));
        return export;
    }
}
