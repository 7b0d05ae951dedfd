package io.nexusconnect.amazon.mapping;

import io.nexusconnect.amazon.client.model.ListingItem;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Product;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ListingMapperTest {
    @Test
    @DisplayName("A listing becomes one product with its B2C price and one inventory level per fulfillment channel")
    void productAndInventory() {
        // given a listing read from the JSON Amazon sends (amount as a JSON number, status as an array)
        ListingItem item = Json.read("""
                {"sku":"SKU-1","summaries":[{"marketplaceId":"ATVPDKIKX0DER","asin":"B0TEST0001","productType":"SHIRT",
                "status":["BUYABLE","DISCOVERABLE"],"itemName":"Shirt","createdDate":"2025-01-01T00:00:00Z",
                "lastUpdatedDate":"2026-02-01T12:00:00Z"}],
                "offers":[{"marketplaceId":"ATVPDKIKX0DER","offerType":"B2B","price":{"currencyCode":"USD","amount":17.00}},
                          {"marketplaceId":"ATVPDKIKX0DER","offerType":"B2C","price":{"currencyCode":"USD","amount":19.90}}],
                "fulfillmentAvailability":[{"fulfillmentChannelCode":"DEFAULT","quantity":7},
                                           {"fulfillmentChannelCode":"AMAZON_NA","quantity":40}]}""", ListingItem.class);
        UUID connection = UUID.randomUUID();

        // when mapped
        Product product = ListingMapper.toProduct(item, List.of("ATVPDKIKX0DER"), connection, "t1", null, UUID.randomUUID(),
                Instant.now());
        List<InventoryLevel> levels = ListingMapper.toInventory(item, connection, "t1", UUID.randomUUID(), Instant.now());

        // then the product carries the B2C price as the exact decimal string, and each channel has its quantity
        assertThat(product.price()).isEqualTo(new Money("19.90", "USD"));
        assertThat(product.statuses()).containsExactly("BUYABLE", "DISCOVERABLE");
        assertThat(product.marketplaceProductId()).isEqualTo("B0TEST0001");
        assertThat(levels).extracting(InventoryLevel::fulfillmentChannel, InventoryLevel::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple("DEFAULT", 7), org.assertj.core.groups.Tuple.tuple("AMAZON_NA", 40));
        assertThat(EventSchemas.violations(Product.TYPE, Json.write(product))).isEmpty();
        levels.forEach(l -> assertThat(EventSchemas.violations(InventoryLevel.TYPE, Json.write(l))).isEmpty());
    }
}
