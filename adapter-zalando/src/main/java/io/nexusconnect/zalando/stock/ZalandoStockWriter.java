package io.nexusconnect.zalando.stock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.stock.StockWriter;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.zalando.client.ZalandoAccount;
import io.nexusconnect.zalando.client.ZalandoApiClient;
import io.nexusconnect.zalando.config.ZalandoConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Sets stock with {@code POST /merchants/{merchant_id}/stocks}: the command's SKU is the article's EAN (zDirect keys
 * stock by sales channel and EAN), set in every sales channel of the connection, in batches of at most
 * {@code nexus.zalando.stock.batch-size} (1000) updates and within the per-minute update allowance (2000). Each
 * item's {@code result.status} decides: REJECTED becomes a rejected item with zDirect's code and description (a SKU
 * rejected in any channel is rejected); an answer naming no result for an item rejects it too. A SKU that is no EAN is
 * rejected before sending. Throttling, outages and credential problems are thrown for the whole command.
 */
@ApplicationScoped
public class ZalandoStockWriter implements StockWriter {
    private final ZalandoApiClient api;
    private final ZalandoConfig.Stock config;
    private final Sleeper sleeper;
    private final Clock clock;
    private final Map<String, MinuteBudget> budgets = new ConcurrentHashMap<>();

    ZalandoStockWriter(ZalandoApiClient api, ZalandoConfig config, Sleeper sleeper, Clock clock) {
        this.api = api;
        this.config = config.stock();
        this.sleeper = sleeper;
        this.clock = clock;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.ZALANDO;
    }

    @Override
    public List<Rejection> setStock(ConnectionSnapshot connection, ConnectionCredentials credentials,
                                    List<SetStock.Item> items) {
        ZalandoAccount account = ZalandoAccount.of(connection, credentials);
        if (account.salesChannelIds().isEmpty()) {
            throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS, "a Zalando connection needs its sales"
                    + " channel ids (salesChannelIds) to set stock");
        }
        Map<String, Integer> quantities = StockWriter.lastQuantityPerSku(items, String::trim);
        Map<String, String> rejected = new LinkedHashMap<>();
        List<Update> updates = new ArrayList<>();
        quantities.forEach((ean, quantity) -> {
            if (!ean.matches("\\d{8}|\\d{12,14}")) {
                rejected.put(ean, "not an EAN (8, 12, 13 or 14 digits): zDirect sets stock by EAN");
            } else {
                account.salesChannelIds().forEach(channel -> updates.add(new Update(channel, ean,
                        Math.max(0, quantity))));
            }
        });
        int batch = Math.max(1, Math.min(1000, config.batchSize()));
        for (int from = 0; from < updates.size(); from += batch) {
            List<Update> slice = updates.subList(from, Math.min(updates.size(), from + batch));
            awaitAllowance(account, slice.size());
            MarketplaceResponse response = api.postStocks(account, body(slice));
            results(response, slice, rejected);
        }
        List<Rejection> rejections = new ArrayList<>();
        rejected.forEach((sku, reason) -> rejections.add(new Rejection(sku, reason)));
        return rejections;
    }

    record Update(String salesChannelId, String ean, int quantity) {
    }

    static String body(List<Update> updates) {
        ObjectNode body = Json.mapper().createObjectNode();
        ArrayNode array = body.putArray("items");
        updates.forEach(u -> array.addObject().put("sales_channel_id", u.salesChannelId()).put("ean", u.ean())
                .put("quantity", u.quantity()));
        return body.toString();
    }

    /** Reads the per-item results (207 Multi-Status or 200) into {@code rejected}. */
    static void results(MarketplaceResponse response, List<Update> sent, Map<String, String> rejected) {
        JsonNode items = response.json().path("items");
        if (!items.isArray()) {
            throw response.malformed("a stock answer without items", null);
        }
        Map<String, JsonNode> byKey = new LinkedHashMap<>();
        for (JsonNode entry : items) {
            JsonNode item = entry.path("item");
            byKey.put(item.path("sales_channel_id").asText() + "|" + item.path("ean").asText(), entry.path("result"));
        }
        for (Update update : sent) {
            JsonNode result = byKey.get(update.salesChannelId() + "|" + update.ean());
            if (result == null) {
                rejected.putIfAbsent(update.ean(), "zDirect answered no result for sales channel "
                        + update.salesChannelId());
            } else if (!"ACCEPTED".equalsIgnoreCase(result.path("status").asText())) {
                rejected.putIfAbsent(update.ean(), result.path("status").asText("no status") + " in sales channel "
                        + update.salesChannelId() + " (code " + result.path("code").asText("?") + ")"
                        + (result.hasNonNull("description") ? ": " + result.path("description").asText() : ""));
            }
        }
    }

    private void awaitAllowance(ZalandoAccount account, int units) {
        MinuteBudget budget = budgets.computeIfAbsent(account.rateKey(), k -> new MinuteBudget(
                config.updatesPerMinute()));
        Duration waited = Duration.ZERO;
        Duration wait;
        while (!(wait = budget.take(units, clock.instant())).isZero()) {
            if (waited.plus(wait).compareTo(config.maxWait()) > 0) {
                throw new MarketplaceException(ErrorCode.RATE_LIMITED, "the stock-update allowance of "
                        + budget.perMinute() + " a minute is used up", null, null, null, wait, null);
            }
            try {
                sleeper.sleep(wait);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new MarketplaceException(ErrorCode.INTERNAL, "interrupted while waiting for stock allowance");
            }
            waited = waited.plus(wait);
        }
    }
}
