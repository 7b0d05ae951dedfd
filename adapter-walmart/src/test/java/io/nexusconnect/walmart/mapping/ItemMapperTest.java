package io.nexusconnect.walmart.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.Product;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ItemMapperTest {
    /** items.json getAllItems example, first item. */
    private static final String SPEC_ITEM = """
            {"mart": "WALMART_US", "sku": "2792005", "wpid": "0RE1TWYTKBKH", "upc": "886859944807",
             "gtin": "00886859944807", "productName": "Carhartt Men's Rugged Vest",
             "productType": "Outerwear Coats, Jackets & Vests", "price": {"currency": "USD", "amount": 59.99},
             "publishedStatus": "UNPUBLISHED", "unpublishedReasons": {"reason": [
               "No shipping information was set up. Please re - ingest this item with a shipping price if you are submitting an over - ride.",
               "You did not assign a tax code to your listing during item setup. Please re-ingest your item with a valid tax code."]},
             "lifecycleStatus": "ACTIVE"}
            """;

    @Test
    @DisplayName("Given the spec's unpublished item, when mapped, then it is a suppressed product with each unpublished reason as an error")
    void unpublishedItem() {
        Product product = ItemMapper.toProduct(Json.read(SPEC_ITEM, JsonNode.class), UUID.randomUUID(), "t", null,
                UUID.randomUUID(), Instant.EPOCH);

        assertThat(product.sku()).isEqualTo("2792005");
        assertThat(product.marketplaceProductId()).isEqualTo("0RE1TWYTKBKH");
        assertThat(product.price().decimal()).isEqualByComparingTo("59.99");
        assertThat(product.statuses()).containsExactly("UNPUBLISHED", "ACTIVE");
        assertThat(product.health().verdict()).isEqualTo(ListingHealth.Verdict.SUPPRESSED);
        assertThat(product.health().issues()).hasSize(2)
                .allMatch(issue -> issue.severity() == ListingHealth.Severity.ERROR);
    }

    @Test
    @DisplayName("Given a published item and one ready to publish, when mapped, then the first is active and the second incomplete")
    void publishedAndReady() {
        JsonNode published = Json.read(SPEC_ITEM.replace("\"UNPUBLISHED\"", "\"PUBLISHED\""), JsonNode.class);
        JsonNode ready = Json.read(SPEC_ITEM.replace("\"UNPUBLISHED\"", "\"READY_TO_PUBLISH\""), JsonNode.class);

        assertThat(ItemMapper.health(published).verdict()).isEqualTo(ListingHealth.Verdict.ACTIVE);
        assertThat(ItemMapper.health(ready).verdict()).isEqualTo(ListingHealth.Verdict.INCOMPLETE);
    }
}
