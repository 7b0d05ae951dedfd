package io.nexusconnect.shopify.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.Product;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;

/**
 * A product variant as one normalized {@link Product} (a variant is what has a SKU, a price and stock) and its
 * {@link InventoryLevel} at the connection's location, with the listing-health verdict from the product's status and
 * publication (https://shopify.dev/docs/api/admin-graphql/2026-10/enums/ProductStatus).
 */
public final class ProductMapper {
    private ProductMapper() {
    }

    public record Mapped(Product product, InventoryLevel level) {
    }

    public static Mapped map(JsonNode product, JsonNode variant, UUID connectionId, String tenantId,
                             String shopDomain, String shopCurrency, UUID syncId, Instant observedAt) {
        String variantId = OrderMapper.text(variant, "id");
        String sku = variant.path("sku").asText("");
        String key = sku.isBlank() ? variantId : sku;
        String status = OrderMapper.text(product, "status");
        boolean published = product.path("publishedAt").isTextual();
        String variantTitle = variant.path("title").asText("");
        String title = product.path("title").asText("")
                + (variantTitle.isBlank() || "Default Title".equals(variantTitle) ? "" : " - " + variantTitle);
        List<String> statuses = List.of(status, published ? "PUBLISHED" : "UNPUBLISHED");
        Product mapped = new Product(connectionId, tenantId, Marketplace.SHOPIFY, key, sku.isBlank() ? null : sku,
                OrderMapper.text(product, "id"), title, product.path("productType").asText(null), statuses,
                shopDomain, variant.path("price").isMissingNode() || variant.path("price").isNull() ? null
                : ShopifyMoney.money(variant.path("price"), shopCurrency),
                Instant.parse(OrderMapper.text(product, "createdAt")),
                Instant.parse(OrderMapper.text(product, "updatedAt")), syncId, observedAt,
                health(status, published, !sku.isBlank()));
        return new Mapped(mapped, level(variant, key, connectionId, tenantId, syncId, observedAt));
    }

    /**
     * ACTIVE and published → active; ACTIVE but not published to the online store, DRAFT, ARCHIVED, UNLISTED →
     * inactive (the seller's choice, not Shopify's verdict); no SKU → incomplete (nexus cannot manage its stock).
     * Shopify never suppresses a product, so suppressed is not used.
     */
    static ListingHealth health(String status, boolean published, boolean hasSku) {
        List<ListingHealth.Issue> issues = new ArrayList<>();
        if (!hasSku) {
            issues.add(new ListingHealth.Issue("SKU_MISSING", ListingHealth.Severity.ERROR,
                    "The variant has no SKU, so its stock cannot be synchronized."));
            return new ListingHealth(ListingHealth.Verdict.INCOMPLETE, issues);
        }
        if (!"ACTIVE".equals(status)) {
            issues.add(new ListingHealth.Issue(status, ListingHealth.Severity.WARNING,
                    "The product status is " + status + "."));
            return new ListingHealth(ListingHealth.Verdict.INACTIVE, issues);
        }
        if (!published) {
            issues.add(new ListingHealth.Issue("UNPUBLISHED", ListingHealth.Severity.WARNING,
                    "The product is active but not published to the online store."));
            return new ListingHealth(ListingHealth.Verdict.INACTIVE, issues);
        }
        return new ListingHealth(ListingHealth.Verdict.ACTIVE, issues);
    }

    /** The location's {@code available} quantity; a variant not stocked at the location has no level. */
    static InventoryLevel level(JsonNode variant, String key, UUID connectionId, String tenantId, UUID syncId,
                                Instant observedAt) {
        JsonNode level = variant.path("inventoryItem").path("inventoryLevel");
        if (!level.isObject()) {
            return null;
        }
        Integer available = null;
        for (JsonNode q : level.path("quantities")) {
            if ("available".equals(q.path("name").asText())) {
                available = q.path("quantity").asInt();
            }
        }
        if (available == null) {
            throw new IllegalArgumentException("an inventory level without the available quantity");
        }
        return new InventoryLevel(connectionId, tenantId, Marketplace.SHOPIFY, key, available,
                InventoryLevel.SELLER_FULFILLED, syncId, observedAt);
    }
}
