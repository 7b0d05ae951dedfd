package io.nexusconnect.shopify.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.ListingHealth;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Mapping of Product / ProductVariant / InventoryLevel answers shaped as the reference documents them. */
class ProductMapperTest {
    private static final String PRODUCT = """
            {"id":"gid://shopify/Product/108828309","title":"Draft Mug","handle":"draft-mug","status":"%s",
             "productType":"Mug","createdAt":"2026-01-01T00:00:00Z","updatedAt":"2026-11-01T00:00:00Z",
             "publishedAt":%s}
            """;
    private static final String VARIANT = """
            {"id":"gid://shopify/ProductVariant/43729076","title":"Red","sku":"%s","price":"12.50",
             "inventoryQuantity":12,"inventoryItem":{"id":"gid://shopify/InventoryItem/43729076",
             "inventoryLevel":{"quantities":[{"name":"available","quantity":7},{"name":"on_hand","quantity":9},
             {"name":"committed","quantity":2}]}}}
            """;

    private static ProductMapper.Mapped map(String status, String publishedAt, String sku) throws Exception {
        JsonNode product = Json.mapper().readTree(PRODUCT.formatted(status, publishedAt));
        JsonNode variant = Json.mapper().readTree(VARIANT.formatted(sku));
        return ProductMapper.map(product, variant, UUID.randomUUID(), "t1", "shop.myshopify.com", "USD",
                UUID.randomUUID(), Instant.now());
    }

    @Test
    @DisplayName("A published ACTIVE variant is an active product keyed by SKU, priced in the shop's currency, with "
            + "the location's available quantity")
    void activeVariant() throws Exception {
        ProductMapper.Mapped mapped = map("ACTIVE", "\"2026-01-02T00:00:00Z\"", "MUG-RED");
        assertThat(mapped.product().externalId()).isEqualTo("MUG-RED");
        assertThat(mapped.product().title()).isEqualTo("Draft Mug - Red");
        assertThat(mapped.product().price().amount()).isEqualTo("12.50");
        assertThat(mapped.product().price().currency()).isEqualTo("USD");
        assertThat(mapped.product().health().verdict()).isEqualTo(ListingHealth.Verdict.ACTIVE);
        assertThat(mapped.level().quantity()).isEqualTo(7);
        assertThat(mapped.level().heldByMarketplace()).isFalse();
    }

    @Test
    @DisplayName("DRAFT, ARCHIVED and unpublished ACTIVE products are inactive with the reason; no SKU is incomplete")
    void verdicts() throws Exception {
        assertThat(map("DRAFT", "null", "A").product().health().verdict()).isEqualTo(ListingHealth.Verdict.INACTIVE);
        assertThat(map("ARCHIVED", "null", "A").product().health().issues().getFirst().code()).isEqualTo("ARCHIVED");
        assertThat(map("ACTIVE", "null", "A").product().health().issues().getFirst().code()).isEqualTo("UNPUBLISHED");
        ProductMapper.Mapped noSku = map("ACTIVE", "\"2026-01-02T00:00:00Z\"", "");
        assertThat(noSku.product().health().verdict()).isEqualTo(ListingHealth.Verdict.INCOMPLETE);
        assertThat(noSku.product().externalId()).isEqualTo("gid://shopify/ProductVariant/43729076");
    }
}
