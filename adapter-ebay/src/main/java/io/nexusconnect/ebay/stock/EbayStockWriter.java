package io.nexusconnect.ebay.stock;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.stock.StockWriter;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.ebay.client.EbayAccount;
import io.nexusconnect.ebay.client.EbayApiClient;
import io.nexusconnect.ebay.client.model.BulkPriceQuantityResponse;
import io.nexusconnect.ebay.config.EbayConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * Sets ship-to-home quantities with bulkUpdatePriceQuantity, at most 25 SKUs a call (a larger command is split), on
 * the inventory item only: eBay shows the lower of the item's and an offer's quantity (KBid 5100), so the item level
 * is the one to set. Each item's answer in the 200/207 body decides: statusCode 200 is applied, anything else is a
 * rejection with eBay's errorId and message. Throttling, outages and credential problems of the call are thrown for
 * the whole command, to be retried or reported by the kit.
 */
@ApplicationScoped
public class EbayStockWriter implements StockWriter {
    private final EbayApiClient api;
    private final EbayConfig config;

    EbayStockWriter(EbayApiClient api, EbayConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.EBAY;
    }

    @Override
    public List<Rejection> setStock(ConnectionSnapshot connection, ConnectionCredentials credentials,
                                    List<SetStock.Item> items) {
        EbayAccount account = EbayAccount.of(connection, credentials, config);
        // one quantity per SKU: the last one of the command wins, as it would if they were applied in order
        Map<String, Integer> quantities = new LinkedHashMap<>();
        items.forEach(item -> quantities.put(item.sku(), item.quantity()));
        List<String> skus = new ArrayList<>(quantities.keySet());
        int batchSize = Math.max(1, Math.min(25, config.inventory().stockBatchSize()));
        List<Rejection> rejections = new ArrayList<>();
        for (int from = 0; from < skus.size(); from += batchSize) {
            List<String> batch = skus.subList(from, Math.min(skus.size(), from + batchSize));
            rejections.addAll(send(account, batch, quantities));
        }
        return rejections;
    }

    private List<Rejection> send(EbayAccount account, List<String> skus, Map<String, Integer> quantities) {
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode requests = body.putArray("requests");
        for (String sku : skus) {
            requests.addObject().put("sku", sku).putObject("shipToLocationAvailability")
                    .put("quantity", quantities.get(sku));
        }
        MarketplaceResponse response = api.bulkUpdatePriceQuantity(account, body.toString());
        BulkPriceQuantityResponse answer = response.json(BulkPriceQuantityResponse.class);
        if (answer.responses() == null) {
            throw response.malformed("an answer without responses", null);
        }
        Map<String, BulkPriceQuantityResponse.ItemResponse> bySku = answer.responses().stream()
                .filter(r -> r.sku() != null)
                .collect(Collectors.toMap(BulkPriceQuantityResponse.ItemResponse::sku, r -> r,
                        (a, b) -> a.statusCode() != null && a.statusCode() == 200 ? b : a));
        String requestId = response.requestId().map(id -> " (request " + id + ")").orElse("");
        List<Rejection> rejections = new ArrayList<>();
        for (String sku : skus) {
            BulkPriceQuantityResponse.ItemResponse item = bySku.get(sku);
            if (item == null) {
                rejections.add(new Rejection(sku, "eBay gave no answer for this SKU" + requestId));
            } else if (item.statusCode() == null || item.statusCode() != 200) {
                rejections.add(new Rejection(sku, "statusCode " + item.statusCode() + ": " + errors(item) + requestId));
            }
        }
        return rejections;
    }

    private static String errors(BulkPriceQuantityResponse.ItemResponse item) {
        if (item.errors() == null || item.errors().isEmpty()) {
            return "no errors given";
        }
        return item.errors().stream()
                .map(e -> "errorId " + e.errorId() + " " + (e.longMessage() != null ? e.longMessage() : e.message()))
                .collect(Collectors.joining("; "));
    }
}
