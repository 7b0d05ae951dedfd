package io.nexusconnect.kaufland.mapping;

import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.kaufland.client.model.Unit;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class UnitMapperTest {
    private static final UUID CONNECTION = UUID.randomUUID();
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z");

    /** The unit of the spec's UnitsBulkUpdateResponse example, with an id_offer and another storefront's twin. */
    private static Unit unit(String storefront, int amount, String status) throws Exception {
        return Json.mapper().readValue("""
                {"id_unit":1,"status":"%s","currency":"EUR","condition":"NEW","note":null,"id_warehouse":null,
                 "id_shipping_group":null,"id_offer":"AB-120","listing_price":4550,"minimum_price":100,"price":100,
                 "id_product":1,"amount":%d,"date_inserted_iso":"2023-11-30T00:00:00.000Z",
                 "date_lastchange_iso":"2023-11-30T00:00:00.000Z","handling_time":1,"shipping_rate":1,
                 "storefront":"%s","transport_time_min":1,"transport_time_max":1,
                 "fulfillment_type":"fulfilled_by_merchant"}""".formatted(status, amount, storefront), Unit.class);
    }

    @Test
    @DisplayName("Given the spec's unit example, when mapped, then a product keyed by id_unit with its SKU, storefront channel, price in euros and an ACTIVE verdict")
    void unitToProduct() throws Exception {
        Product product = UnitMapper.toProduct(unit("DE", 3, "AVAILABLE"), CONNECTION, "t", UUID.randomUUID(), NOW);

        assertThat(product.externalId()).isEqualTo("1");
        assertThat(product.sku()).isEqualTo("AB-120");
        assertThat(product.salesChannel()).isEqualTo("kaufland.de");
        assertThat(product.price().amount()).isEqualTo("45.50");
        assertThat(product.health().verdict()).isEqualTo(ListingHealth.Verdict.ACTIVE);
    }

    @Test
    @DisplayName("Given incomplete, on-hold and sold-out units, when mapped, then INCOMPLETE, INACTIVE and INACTIVE with the reason")
    void healthVerdicts() throws Exception {
        assertThat(UnitMapper.health(unit("DE", 3, "INCOMPLETE")).verdict()).isEqualTo(ListingHealth.Verdict.INCOMPLETE);
        assertThat(UnitMapper.health(unit("DE", 3, "ONHOLD")).verdict()).isEqualTo(ListingHealth.Verdict.INACTIVE);
        assertThat(UnitMapper.health(unit("DE", 0, "AVAILABLE")).issues().getFirst().code()).isEqualTo("OUT_OF_STOCK");
    }

    @Test
    @DisplayName("Given one SKU on two storefronts, when folded into inventory, then one level with the first storefront's amount and both in the breakdown")
    void foldsStorefrontsIntoOneLevel() throws Exception {
        List<InventoryLevel> levels = UnitMapper.toInventory(List.of(unit("AT", 4, "AVAILABLE"), unit("DE", 9, "AVAILABLE")),
                List.of("de", "at"), CONNECTION, "t", UUID.randomUUID(), NOW);

        assertThat(levels).hasSize(1);
        assertThat(levels.getFirst().quantity()).isEqualTo(9);
        assertThat(levels.getFirst().channels()).containsExactly(
                new InventoryLevel.ChannelQuantity("kaufland.de", 9), new InventoryLevel.ChannelQuantity("kaufland.at", 4));
    }
}
