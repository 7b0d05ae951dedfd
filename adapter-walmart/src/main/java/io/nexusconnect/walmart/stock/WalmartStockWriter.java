package io.nexusconnect.walmart.stock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.ErrorBody;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.stock.StockWriter;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.walmart.client.WalmartAccount;
import io.nexusconnect.walmart.client.WalmartApiClient;
import io.nexusconnect.walmart.client.WalmartErrors;
import io.nexusconnect.walmart.config.WalmartConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Sets quantities with single-SKU {@code PUT /v3/inventory} for small commands and with one inventory feed above
 * {@code nexus.walmart.inventory.feed-threshold} SKUs (the feed is limited per hour, single calls per minute). A PUT
 * refused with a 4xx (unknown SKU, bad quantity) and a feed item with an ingestion error become rejected items;
 * throttling, outages and credential problems are thrown for the whole command, to be retried by the kit. A feed is
 * polled with {@code includeDetails=true} until it is PROCESSED.
 */
@ApplicationScoped
public class WalmartStockWriter implements StockWriter {
    private final WalmartApiClient api;
    private final WalmartConfig.Inventory config;
    private final Sleeper sleeper;

    WalmartStockWriter(WalmartApiClient api, WalmartConfig config, Sleeper sleeper) {
        this.api = api;
        this.config = config.inventory();
        this.sleeper = sleeper;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.WALMART;
    }

    @Override
    public List<Rejection> setStock(ConnectionSnapshot connection, ConnectionCredentials credentials,
                                    List<SetStock.Item> items) {
        WalmartAccount account = WalmartAccount.of(connection, credentials);
        Map<String, Integer> quantities = StockWriter.lastQuantityPerSku(items);
        return quantities.size() > config.feedThreshold() ? viaFeed(account, quantities) : oneByOne(account,
                quantities);
    }

    private List<Rejection> oneByOne(WalmartAccount account, Map<String, Integer> quantities) {
        List<Rejection> rejections = new ArrayList<>();
        quantities.forEach((sku, quantity) -> {
            try {
                api.putInventory(account, sku, quantity);
            } catch (MarketplaceException e) {
                if (e.isTransient() || e.httpStatus() == null || e.httpStatus() == 401 || e.httpStatus() == 403
                        || e.code() != ErrorCode.INTERNAL) {
                    throw e;
                }
                ErrorBody error = WalmartErrors.first(e.rawResponse());
                rejections.add(new Rejection(sku, "HTTP " + e.httpStatus() + " " + error.code() + ": "
                        + error.message() + requestId(e.requestId())));
            }
        });
        return rejections;
    }

    private List<Rejection> viaFeed(WalmartAccount account, Map<String, Integer> quantities) {
        ObjectNode feed = Json.mapper().createObjectNode();
        feed.putObject("InventoryHeader").put("version", "1.4");
        ArrayNode inventory = feed.putArray("Inventory");
        quantities.forEach((sku, quantity) -> inventory.addObject().put("sku", sku).putObject("quantity")
                .put("unit", "EACH").put("amount", quantity));
        MarketplaceResponse submitted = api.submitInventoryFeed(account, feed.toString());
        String feedId = submitted.json().path("feedId").asText("");
        if (feedId.isBlank()) {
            throw submitted.malformed("a feed answer without feedId", null);
        }
        for (int poll = 0; poll < Math.max(1, config.feedMaxPolls()); poll++) {
            MarketplaceResponse status = api.getFeed(account, feedId);
            JsonNode body = status.json();
            String feedStatus = body.path("feedStatus").asText("");
            if ("PROCESSED".equals(feedStatus) || "ERROR".equals(feedStatus)) {
                return itemResults(body, quantities, feedId, feedStatus);
            }
            pause();
        }
        throw new MarketplaceException(ErrorCode.TIMEOUT, "inventory feed " + feedId + " was not processed after "
                + config.feedMaxPolls() + " polls");
    }

    private static List<Rejection> itemResults(JsonNode body, Map<String, Integer> quantities, String feedId,
                                               String feedStatus) {
        Map<String, String> failures = new LinkedHashMap<>();
        java.util.Set<String> succeeded = new java.util.HashSet<>();
        for (JsonNode item : body.path("itemDetails").path("itemIngestionStatus")) {
            String sku = item.path("sku").asText();
            if ("SUCCESS".equals(item.path("ingestionStatus").asText())) {
                succeeded.add(sku);
            } else {
                List<String> reasons = new ArrayList<>();
                for (JsonNode error : item.path("ingestionErrors").path("ingestionError")) {
                    reasons.add(error.path("code").asText() + " " + error.path("description").asText());
                }
                failures.put(sku, item.path("ingestionStatus").asText() + (reasons.isEmpty() ? ""
                        : ": " + String.join("; ", reasons)));
            }
        }
        List<Rejection> rejections = new ArrayList<>();
        for (String sku : quantities.keySet()) {
            if (failures.containsKey(sku)) {
                rejections.add(new Rejection(sku, failures.get(sku) + " (feed " + feedId + ")"));
            } else if (!succeeded.contains(sku)) {
                rejections.add(new Rejection(sku, "feed " + feedId + " (" + feedStatus
                        + ") gave no status for this SKU"));
            }
        }
        return rejections;
    }

    private void pause() {
        try {
            sleeper.sleep(config.feedPollInterval());
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketplaceException(ErrorCode.INTERNAL, "interrupted while waiting for an inventory feed");
        }
    }

    private static String requestId(String requestId) {
        return requestId == null ? "" : " (request " + requestId + ")";
    }
}
