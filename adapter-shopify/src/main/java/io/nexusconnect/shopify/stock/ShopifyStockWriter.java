package io.nexusconnect.shopify.stock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.stock.StockWriter;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.shopify.client.AdminApiClient;
import io.nexusconnect.shopify.client.GraphqlAnswer;
import io.nexusconnect.shopify.client.Queries;
import io.nexusconnect.shopify.client.ShopInfo;
import io.nexusconnect.shopify.client.ShopifyAccount;
import io.nexusconnect.shopify.config.ShopifyConfig;
import jakarta.enterprise.context.ApplicationScoped;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;

/**
 * SetStock through {@code inventorySetQuantities} (2026-10): the {@code available} quantity at the connection's
 * location, the SKUs' inventory items found with {@code productVariants(query: "sku:\"A\" OR sku:\"B\" …")},
 * {@code nexus.shopify.stock.lookup-batch-size} SKUs a query (capped by the single-query cost); a SKU a batch did not
 * answer is looked up alone before it is called unknown (several variants may share a SKU and crowd it out of the
 * page). Every quantity carries
 * {@code changeFromQuantity: null} — the 2026-04+ rule requires the field, and null opts out of the compare-and-swap:
 * the command's quantity is already the orchestrator's decision (BEHAVIOR.md). The request carries an
 * {@code @idempotent} key derived from the connection and the batch, so a redelivered command is not applied twice.
 * A user error names the quantity's index; it becomes a rejection of that SKU and the rest of the batch is sent again
 * (Shopify applies nothing of a batch with user errors).
 */
@ApplicationScoped
public class ShopifyStockWriter implements StockWriter {
    private final AdminApiClient api;
    private final ShopifyConfig config;

    ShopifyStockWriter(AdminApiClient api, ShopifyConfig config) {
        this.api = api;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.SHOPIFY;
    }

    private record Target(String sku, String inventoryItemId, int quantity) {
    }

    @Override
    public List<Rejection> setStock(ConnectionSnapshot connection, ConnectionCredentials credentials,
                                    List<SetStock.Item> items) {
        ShopifyAccount account = ShopifyAccount.of(connection, credentials, config);
        ShopInfo shop = ShopInfo.read(api, account);
        Map<String, JsonNode> variants = variantsBySku(account, shop,
                items.stream().map(SetStock.Item::sku).distinct().toList());
        List<Rejection> rejections = new ArrayList<>();
        List<Target> targets = new ArrayList<>();
        for (SetStock.Item item : items) {
            JsonNode variant = variants.getOrDefault(item.sku(), MissingNode.getInstance());
            if (variant.isMissingNode()) {
                rejections.add(new Rejection(item.sku(), "no variant with this SKU in " + account.shopDomain()));
            } else if (!variant.path("inventoryItem").path("inventoryLevel").isObject()) {
                rejections.add(new Rejection(item.sku(), "not stocked at location " + shop.locationId()));
            } else {
                targets.add(new Target(item.sku(), variant.path("inventoryItem").path("id").asText(),
                        item.quantity()));
            }
        }
        for (int from = 0; from < targets.size(); from += config.stock().batchSize()) {
            List<Target> batch = targets.subList(from, Math.min(targets.size(), from + config.stock().batchSize()));
            rejections.addAll(send(account, shop, batch, true));
        }
        return rejections;
    }

    /** Each SKU's variant (with its inventory item and level at the location); a SKU without one is left out. */
    private Map<String, JsonNode> variantsBySku(ShopifyAccount account, ShopInfo shop, List<String> skus) {
        int perQuery = Math.max(1, Math.min(config.stock().lookupBatchSize(),
                (config.cost().maxSingleQueryCost() - Queries.variantsBySkuCost(0)) / Queries.VARIANT_COST));
        Map<String, JsonNode> found = new HashMap<>();
        for (int from = 0; from < skus.size(); from += perQuery) {
            List<String> batch = skus.subList(from, Math.min(skus.size(), from + perQuery));
            if (batch.size() == 1) {
                lookUp(account, shop, batch).stream().findFirst().ifPresent(v -> found.put(batch.getFirst(), v));
                continue;
            }
            lookUp(account, shop, batch).forEach(variant -> found.putIfAbsent(variant.path("sku").asText(), variant));
            for (String sku : batch) {
                if (!found.containsKey(sku)) {
                    lookUp(account, shop, List.of(sku)).stream().findFirst().ifPresent(v -> found.put(sku, v));
                }
            }
        }
        return found;
    }

    /** One productVariants query for {@code skus}: every variant it answers. */
    private List<JsonNode> lookUp(ShopifyAccount account, ShopInfo shop, List<String> skus) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("first", skus.size());
        variables.put("query", skus.stream().map(sku -> "sku:\"" + sku.replace("\"", "\\\"") + "\"")
                .collect(Collectors.joining(" OR ")));
        variables.put("location", shop.locationId());
        GraphqlAnswer answer = api.query(account, "productVariants", Queries.VARIANTS_BY_SKU, variables,
                Queries.variantsBySkuCost(skus.size()));
        List<JsonNode> variants = new ArrayList<>();
        answer.require("/productVariants/nodes").forEach(variants::add);
        return variants;
    }

    private List<Rejection> send(ShopifyAccount account, ShopInfo shop, List<Target> batch, boolean again) {
        if (batch.isEmpty()) {
            return List.of();
        }
        List<Map<String, Object>> quantities = new ArrayList<>();
        for (Target t : batch) {
            Map<String, Object> q = new LinkedHashMap<>();
            q.put("inventoryItemId", t.inventoryItemId());
            q.put("locationId", shop.locationId());
            q.put("quantity", t.quantity());
            q.put("changeFromQuantity", null);
            quantities.add(q);
        }
        Map<String, Object> input = new LinkedHashMap<>();
        input.put("name", "available");
        input.put("reason", "correction");
        input.put("referenceDocumentUri", "nexus://connections/" + account.connectionId() + "/stock");
        input.put("quantities", quantities);
        String mutation = Queries.SET_QUANTITIES.formatted(idempotencyKey(account, batch));
        GraphqlAnswer answer = api.query(account, "inventorySetQuantities", mutation, Map.of("input", input),
                Queries.MUTATION_COST);
        JsonNode errors = answer.require("/inventorySetQuantities/userErrors");
        if (errors.isEmpty()) {
            return List.of();
        }
        Map<Integer, String> byIndex = new LinkedHashMap<>();
        for (JsonNode error : errors) {
            JsonNode field = error.path("field");
            int index = field.size() >= 3 && "quantities".equals(field.path(1).asText())
                    ? field.path(2).asInt(-1) : -1;
            String reason = (error.path("code").isTextual() ? error.path("code").asText() + ": " : "")
                    + error.path("message").asText();
            if (index < 0 || index >= batch.size()) {
                throw new MarketplaceException(ErrorCode.INTERNAL, "inventorySetQuantities refused the batch: "
                        + reason, answer.response().status(), answer.response().body(),
                        answer.response().requestId().orElse(null), null, null);
            }
            byIndex.merge(index, reason, (a, b) -> a + "; " + b);
        }
        List<Rejection> rejections = new ArrayList<>();
        List<Target> rest = new ArrayList<>();
        for (int i = 0; i < batch.size(); i++) {
            if (byIndex.containsKey(i)) {
                rejections.add(new Rejection(batch.get(i).sku(), byIndex.get(i)));
            } else {
                rest.add(batch.get(i));
            }
        }
        if (again) {
            rejections.addAll(send(account, shop, rest, false));
        } else if (!rest.isEmpty()) {
            rest.forEach(t -> rejections.add(new Rejection(t.sku(), "not applied: the batch was refused twice")));
        }
        return rejections;
    }

    /** The same connection and batch give the same key: a redelivered command replays instead of applying again. */
    static String idempotencyKey(ShopifyAccount account, List<Target> batch) {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(account.connectionId().toString().getBytes(StandardCharsets.UTF_8));
            for (Target t : batch) {
                digest.update(("|" + t.inventoryItemId() + "=" + t.quantity()).getBytes(StandardCharsets.UTF_8));
            }
            return "nexus-" + HexFormat.of().formatHex(digest.digest(), 0, 16);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
