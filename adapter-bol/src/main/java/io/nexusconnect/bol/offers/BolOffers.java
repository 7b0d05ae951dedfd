package io.nexusconnect.bol.offers;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.bol.client.BolAccount;
import io.nexusconnect.bol.client.BolApiClient;
import io.nexusconnect.bol.process.ProcessStatus;
import jakarta.enterprise.context.ApplicationScoped;

import static io.nexusconnect.adapterkit.client.QueryStrings.pathSegment;

/**
 * Every offer call of the adapter, and only here: the v10 {@code /retailer/offers*} operations are all marked
 * deprecated in retailer.json (bol announces a separate Offers API as their successor; BEHAVIOR.md), so this class
 * is the one place to replace.
 */
@ApplicationScoped
public class BolOffers {
    public static final String POST_EXPORT = "post-offer-export";
    public static final String GET_EXPORT = "get-offer-export";
    public static final String UPDATE_STOCK = "update-offer-stock";

    private final BolApiClient api;

    BolOffers(BolApiClient api) {
        this.api = api;
    }

    /** POST /retailer/offers/export {@code {"format":"CSV"}}: the export's process status (entityId = report id). */
    public ProcessStatus requestExport(BolAccount account) {
        MarketplaceResponse response = api.send(account, POST_EXPORT, "POST", "/retailer/offers/export",
                BolApiClient.V10_JSON, b -> b.body(BolApiClient.V10_JSON, "{\"format\":\"CSV\"}"));
        return read(response);
    }

    /** GET /retailer/offers/export/{report-id} with the v10 CSV media type: the file. */
    public String downloadExport(BolAccount account, String reportId) {
        return api.send(account, GET_EXPORT, "GET", "/retailer/offers/export/" + pathSegment(reportId),
                BolApiClient.V10_CSV, b -> b).body();
    }

    /** PUT /retailer/offers/{offer-id}/stock {@code {amount, managedByRetailer: true}}: a PENDING process status. */
    public ProcessStatus updateStock(BolAccount account, String offerId, int amount) {
        MarketplaceResponse response = api.send(account, UPDATE_STOCK, "PUT",
                "/retailer/offers/" + pathSegment(offerId) + "/stock", BolApiClient.V10_JSON,
                b -> b.body(BolApiClient.V10_JSON, "{\"amount\":" + amount + ",\"managedByRetailer\":true}"));
        return read(response);
    }

    private static ProcessStatus read(MarketplaceResponse response) {
        try {
            return ProcessStatus.of(response.json());
        } catch (IllegalArgumentException e) {
            throw response.malformed("an answer without a process status", e);
        }
    }
}
