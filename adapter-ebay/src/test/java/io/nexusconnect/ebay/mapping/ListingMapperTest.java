package io.nexusconnect.ebay.mapping;

import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.ebay.client.model.InventoryItemsPage;
import io.nexusconnect.ebay.client.model.Offers;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Inventory items and offers in the shapes of sell_inventory_v1_oas3.json (InventoryItems, Offers). */
class ListingMapperTest {
    private static final InventoryItemsPage.InventoryItem ITEM = Json.read("""
            {"sku":"MUG-RED","locale":"en_US","condition":"NEW","product":{"title":"Red mug","imageUrls":[]},
             "availability":{"shipToLocationAvailability":{"quantity":12}}}""", InventoryItemsPage.InventoryItem.class);

    private static Optional<Offers.Offer> offer(String status, String listingStatus, boolean onHold) {
        String listing = listingStatus == null ? "" : ",\"listing\":{\"listingId\":\"110012345678\",\"listingStatus\":\""
                + listingStatus + "\",\"listingOnHold\":" + onHold + ",\"soldQuantity\":3}";
        return Optional.of(Json.read("{\"offerId\":\"5000001\",\"sku\":\"MUG-RED\",\"marketplaceId\":\"EBAY_US\","
                + "\"format\":\"FIXED_PRICE\",\"status\":\"" + status + "\",\"availableQuantity\":12,"
                + "\"pricingSummary\":{\"price\":{\"value\":\"19.99\",\"currency\":\"USD\"}}" + listing + "}",
                Offers.Offer.class));
    }

    private static Product product(Optional<Offers.Offer> offer) {
        return ListingMapper.toProduct(ITEM, offer, "EBAY_US", UUID.randomUUID(), "t", null, UUID.randomUUID(),
                Instant.parse("2026-03-02T10:00:00Z"));
    }

    @Test
    @DisplayName("Given a live fixed-price offer, when mapped, then the product carries the listing id, price, statuses and an ACTIVE verdict")
    void activeListing() {
        Product product = product(offer("PUBLISHED", "ACTIVE", false));

        assertThat(product.externalId()).isEqualTo("MUG-RED");
        assertThat(product.marketplaceProductId()).isEqualTo("110012345678");
        assertThat(product.title()).isEqualTo("Red mug");
        assertThat(product.price().amount()).isEqualTo("19.99");
        assertThat(product.statuses()).containsExactly("PUBLISHED", "ACTIVE");
        assertThat(product.health().verdict()).isEqualTo(ListingHealth.Verdict.ACTIVE);
        assertThat(product.health().issues()).isEmpty();
    }

    @Test
    @DisplayName("Given each offer and listing state, when mapped, then the verdict is INCOMPLETE, SUPPRESSED or INACTIVE with an issue")
    void verdicts() {
        assertThat(product(Optional.empty()).health().verdict()).isEqualTo(ListingHealth.Verdict.INCOMPLETE);
        assertThat(product(offer("UNPUBLISHED", null, false)).health().issues().getFirst().code())
                .isEqualTo("OFFER_UNPUBLISHED");
        assertThat(product(offer("PUBLISHED", "ACTIVE", true)).health().verdict())
                .isEqualTo(ListingHealth.Verdict.SUPPRESSED);
        assertThat(product(offer("PUBLISHED", "OUT_OF_STOCK", false)).health().verdict())
                .isEqualTo(ListingHealth.Verdict.INACTIVE);
        assertThat(product(offer("PUBLISHED", "ENDED", false)).health().verdict())
                .isEqualTo(ListingHealth.Verdict.INACTIVE);
        assertThat(product(offer("PUBLISHED", "EBAY_ENDED", false)).health().verdict())
                .isEqualTo(ListingHealth.Verdict.SUPPRESSED);
    }

    @Test
    @DisplayName("Given an item's ship-to-home quantity, when mapped, then one seller-fulfilled inventory level holds it")
    void inventoryLevel() {
        InventoryLevel level = ListingMapper.toInventory(ITEM, UUID.randomUUID(), "t", UUID.randomUUID(),
                Instant.now()).orElseThrow();
        assertThat(level.quantity()).isEqualTo(12);
        assertThat(level.heldByMarketplace()).isFalse();
        assertThat(level.channels()).singleElement().extracting(InventoryLevel.ChannelQuantity::quantity).isEqualTo(12);
    }
}
