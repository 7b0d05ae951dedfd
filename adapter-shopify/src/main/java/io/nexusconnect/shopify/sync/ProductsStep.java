package io.nexusconnect.shopify.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.shopify.client.AdminApiClient;
import io.nexusconnect.shopify.client.GraphqlAnswer;
import io.nexusconnect.shopify.client.Queries;
import io.nexusconnect.shopify.client.ShopInfo;
import io.nexusconnect.shopify.client.ShopifyAccount;
import io.nexusconnect.shopify.config.ShopifyConfig;
import io.nexusconnect.shopify.mapping.ProductMapper;
import io.nexusconnect.adapterkit.paging.Cursors;
import io.nexusconnect.adapterkit.paging.Page;
import io.nexusconnect.adapterkit.paging.PageShapes;
import io.nexusconnect.adapterkit.paging.Paging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Products with their variants and the location's quantities, as one {@code Product} and one {@code InventoryLevel}
 * per variant. Incremental by {@code updated_at} (paged, sorted by update); a first or full sync of more than
 * {@code bulk-threshold} products (asked with {@code productsCount}) runs one bulk operation instead of many pages.
 */
final class ProductsStep {
    static final String CURSOR = "products.updatedAtMin";
    private static final int BULK_PAGE = 250;

    private final AdminApiClient api;
    private final CycleContext context;
    private final ShopifyAccount account;
    private final ShopifyConfig config;
    private final int variants;
    private final int maxCost;
    private ShopInfo shop;

    ProductsStep(AdminApiClient api, CycleContext context, ShopifyAccount account, ShopifyConfig config) {
        this.api = api;
        this.context = context;
        this.account = account;
        this.config = config;
        this.maxCost = config.cost().maxSingleQueryCost();
        this.variants = Math.max(1, Math.min(Queries.MAX_PAGE, config.products().variantsPerProduct()));
    }

    Map<String, String> run(RecordSink sink) {
        Instant until = context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        shop = ShopInfo.read(api, account);
        var cursor = Cursors.instant(context, CURSOR);
        if (cursor.isEmpty() && count() > config.products().bulkThreshold()) {
            bulk(sink);
        } else {
            paged(sink, cursor.map(from -> "updated_at:>='" + from + "' AND updated_at:<='" + until + "'")
                    .orElse(null));
        }
        return Map.of(CURSOR, until.toString());
    }

    private int count() {
        GraphqlAnswer answer = api.query(account, "productsCount", Queries.PRODUCTS_COUNT, new HashMap<>(),
                Queries.PRODUCTS_COUNT_COST);
        return answer.require("/productsCount/count").asInt();
    }

    private void paged(RecordSink sink, String search) {
        int first = Queries.productsPageSize(variants, maxCost);
        Paging.tokens().forEach(request -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", first);
            variables.put("after", request.token());
            variables.put("query", search);
            variables.put("variants", variants);
            variables.put("location", shop.locationId());
            GraphqlAnswer answer = api.query(account, "products", Queries.PRODUCTS, variables,
                    Queries.productsCost(first, variants));
            JsonNode connection = answer.require("/products");
            List<JsonNode> products = new ArrayList<>();
            connection.path("nodes").forEach(products::add);
            for (JsonNode product : products) {
                List<JsonNode> all = new ArrayList<>();
                product.path("variants").path("nodes").forEach(all::add);
                moreVariants(product, all);
                publish(sink, product, all, answer.response());
            }
            return Page.of(products, PageShapes.graphQlEndCursor(connection));
        }, page -> sink.pageCompleted(SyncScope.PRODUCTS));
    }

    private void moreVariants(JsonNode product, List<JsonNode> all) {
        String more = PageShapes.graphQlEndCursor(product.path("variants"));
        if (more == null) {
            return;
        }
        int first = Queries.productVariantsPageSize(maxCost);
        Paging.tokens().from(more).forEach(request -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", product.path("id").asText());
            variables.put("first", first);
            variables.put("after", request.token());
            variables.put("location", shop.locationId());
            GraphqlAnswer answer = api.query(account, "productVariants", Queries.PRODUCT_VARIANTS, variables,
                    Queries.productVariantsCost(first));
            JsonNode connection = answer.require("/product/variants");
            List<JsonNode> nodes = new ArrayList<>();
            connection.path("nodes").forEach(nodes::add);
            return Page.of(nodes, PageShapes.graphQlEndCursor(connection));
        }, page -> all.addAll(page.items()));
    }

    /** bulkOperationRunQuery → poll node(id:) until COMPLETED → download the JSONL → publish per 250 products. */
    private void bulk(RecordSink sink) {
        Map<String, Object> variables = new HashMap<>();
        variables.put("query", Queries.bulkProducts(shop.locationId(), null));
        GraphqlAnswer run = api.query(account, "bulkOperationRunQuery", Queries.BULK_RUN, variables,
                Queries.MUTATION_COST);
        JsonNode errors = run.require("/bulkOperationRunQuery/userErrors");
        if (!errors.isEmpty()) {
            throw new MarketplaceException(ErrorCode.INTERNAL, "bulkOperationRunQuery refused: "
                    + errors.path(0).path("message").asText(), run.response().status(), run.response().body(),
                    run.response().requestId().orElse(null), null, null);
        }
        String id = run.require("/bulkOperationRunQuery/bulkOperation/id").asText();
        Instant deadline = context.clock().instant().plus(config.products().bulkMaxWait());
        JsonNode operation;
        while (true) {
            GraphqlAnswer poll = api.query(account, "bulkOperation", Queries.BULK_POLL, Map.of("id", id),
                    Queries.BULK_POLL_COST);
            operation = poll.require("/node");
            String status = operation.path("status").asText();
            if ("COMPLETED".equals(status)) {
                break;
            }
            if (!"CREATED".equals(status) && !"RUNNING".equals(status)) {
                throw new MarketplaceException(ErrorCode.MARKETPLACE_UNAVAILABLE, "bulk operation " + id + " ended "
                        + status + " (" + operation.path("errorCode").asText("") + ")", poll.response().status(),
                        poll.response().body(), poll.response().requestId().orElse(null), null, null);
            }
            if (context.clock().instant().isAfter(deadline)) {
                throw new MarketplaceException(ErrorCode.TIMEOUT, "bulk operation " + id + " still " + status
                        + " after " + config.products().bulkMaxWait());
            }
            api.pause(config.products().bulkPollInterval());
        }
        if (operation.path("url").isNull() || operation.path("url").isMissingNode()) {
            return; // an empty result has no file
        }
        MarketplaceResponse file = api.download(account, operation.path("url").asText());
        Map<String, JsonNode> products = new LinkedHashMap<>();
        Map<String, List<JsonNode>> variantsByProduct = new HashMap<>();
        for (String line : file.body().split("\n")) {
            if (line.isBlank()) {
                continue;
            }
            JsonNode node;
            try {
                node = Json.mapper().readTree(line);
            } catch (Exception e) {
                throw file.malformed("a bulk result line that is not JSON", e);
            }
            String parent = node.path("__parentId").asText(null);
            if (parent == null) {
                products.put(node.path("id").asText(), node);
            } else {
                variantsByProduct.computeIfAbsent(parent, k -> new ArrayList<>()).add(node);
            }
        }
        int inPage = 0;
        for (Map.Entry<String, JsonNode> product : products.entrySet()) {
            publish(sink, product.getValue(), variantsByProduct.getOrDefault(product.getKey(), List.of()), file);
            if (++inPage == BULK_PAGE) {
                sink.pageCompleted(SyncScope.PRODUCTS);
                inPage = 0;
            }
        }
        sink.pageCompleted(SyncScope.PRODUCTS);
    }

    private void publish(RecordSink sink, JsonNode product, List<JsonNode> productVariants,
                         MarketplaceResponse source) {
        for (JsonNode variant : productVariants) {
            ProductMapper.Mapped mapped;
            try {
                mapped = ProductMapper.map(product, variant, account.connectionId(), account.tenantId(),
                        account.shopDomain(), shop.currencyCode(), context.syncId(), context.clock().instant());
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw source.malformed("a product that cannot be read (" + e.getMessage() + ")", e);
            }
            if (context.wants(SyncScope.PRODUCTS)) {
                sink.product(mapped.product());
            }
            if (context.wants(SyncScope.INVENTORY) && mapped.level() != null) {
                sink.inventory(mapped.level());
            }
        }
    }
}
