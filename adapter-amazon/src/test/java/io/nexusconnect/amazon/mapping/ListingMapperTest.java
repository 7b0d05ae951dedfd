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
    @DisplayName("A listing with merchant-fulfilled and FBA stock becomes one product with its B2C price and one inventory level whose quantity is the DEFAULT one, with both channels in the breakdown")
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
        InventoryLevel level = ListingMapper.toInventory(item, connection, "t1", UUID.randomUUID(), Instant.now()).orElseThrow();

        // then the product carries the B2C price as the exact decimal string, and the one level (key connection/SKU)
        // names the merchant-fulfilled quantity and keeps the FBA quantity in its channels
        assertThat(product.price()).isEqualTo(new Money("19.90", "USD"));
        assertThat(product.statuses()).containsExactly("BUYABLE", "DISCOVERABLE");
        assertThat(product.marketplaceProductId()).isEqualTo("B0TEST0001");
        assertThat(level.key()).isEqualTo(connection + "/SKU-1");
        assertThat(level.fulfillmentChannel()).isEqualTo("DEFAULT");
        assertThat(level.quantity()).isEqualTo(7);
        assertThat(level.channels()).containsExactly(new InventoryLevel.ChannelQuantity("DEFAULT", 7),
                new InventoryLevel.ChannelQuantity("AMAZON_NA", 40));
        assertThat(EventSchemas.violations(Product.TYPE, Json.write(product))).isEmpty();
        assertThat(EventSchemas.violations(InventoryLevel.TYPE, Json.write(level))).isEmpty();
    }

    @Test
    @DisplayName("An FBA-only listing becomes one inventory level whose quantity and channel are the FBA ones")
    void fbaOnly() {
        // given a listing Amazon fulfills only (no DEFAULT entry), with a quantity Amazon left out
        ListingItem item = Json.read("""
                {"sku":"FBA-1","fulfillmentAvailability":[{"fulfillmentChannelCode":"AMAZON_EU","quantity":12},
                                                          {"fulfillmentChannelCode":"AMAZON_NA"}]}""", ListingItem.class);

        // when mapped
        InventoryLevel level = ListingMapper.toInventory(item, UUID.randomUUID(), "t1", UUID.randomUUID(), Instant.now())
                .orElseThrow();

        // then the first FBA channel is the level's quantity, and an absent quantity counts as 0 in the breakdown
        assertThat(level.fulfillmentChannel()).isEqualTo("AMAZON_EU");
        assertThat(level.quantity()).isEqualTo(12);
        assertThat(level.channels()).containsExactly(new InventoryLevel.ChannelQuantity("AMAZON_EU", 12),
                new InventoryLevel.ChannelQuantity("AMAZON_NA", 0));
        assertThat(EventSchemas.violations(InventoryLevel.TYPE, Json.write(level))).isEmpty();
    }

    @Test
    @DisplayName("A listing without fulfillment availability yields no inventory level")
    void noAvailability() {
        // given a listing without the fulfillmentAvailability data set
        ListingItem item = Json.read("{\"sku\":\"SKU-2\",\"fulfillmentAvailability\":[]}", ListingItem.class);

        // when mapped, then there is nothing to publish
        assertThat(ListingMapper.toInventory(item, UUID.randomUUID(), "t1", UUID.randomUUID(), Instant.now())).isEmpty();
    }
}
