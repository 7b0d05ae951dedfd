package io.nexusconnect.amazon.mapping;

import io.nexusconnect.amazon.client.model.ListingItem;
import io.nexusconnect.contracts.kafka.EventSchemas;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.ListingHealth.Verdict;
import io.nexusconnect.contracts.normalized.Product;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.time.Instant;
import java.util.List;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

class ListingHealthMapperTest {
    private static final String US = "ATVPDKIKX0DER";

    @ParameterizedTest(name = "status {0}, issue {1}/{2}/{3} -> {4}")
    @CsvSource(delimiter = '|', value = {
            "BUYABLE,DISCOVERABLE | 18155 | ERROR   | LISTING_SUPPRESSED:NOT_EXEMPT | SUPPRESSED",
            "DISCOVERABLE         | 18155 | ERROR   | CATALOG_ITEM_REMOVED:NOT_EXEMPT | SUPPRESSED",
            "BUYABLE              | 18155 | WARNING | SEARCH_SUPPRESSED:NOT_EXEMPT | SUPPRESSED",
            "BUYABLE,DISCOVERABLE | 18155 | ERROR   | LISTING_SUPPRESSED:EXEMPT | ACTIVE",
            "BUYABLE,DISCOVERABLE | 99010 | WARNING | -     | ACTIVE",
            "DISCOVERABLE         | 90220 | ERROR   | -     | INCOMPLETE",
            "DISCOVERABLE         | 99010 | WARNING | -     | INACTIVE",
            "''                   | -     | -       | -     | INACTIVE"})
    @DisplayName("Amazon's summary status and issues give the verdict: enforced takedown, else BUYABLE, else an ERROR, else inactive")
    void verdicts(String status, String code, String severity, String enforcement, Verdict expected) {
        // given a listing with that status and, unless "-", one issue with that enforcement
        ListingItem item = Json.read(item(status, code, severity, enforcement), ListingItem.class);

        // when its health is mapped for the US marketplace
        ListingHealth health = ListingHealthMapper.health(item, item.summaries().getFirst(), US);

        // then the verdict is the expected one and the issue is carried as Amazon reported it
        assertThat(health.verdict()).isEqualTo(expected);
        assertThat(health.issues()).hasSize("-".equals(code) ? 0 : 1);
    }

    @Test
    @DisplayName("A suppressed listing's product carries the verdict with Amazon's issues of its marketplace only, and conforms to the schema")
    void productCarriesHealth() {
        // given a listing with an enforced suppression in the US and a warning that applies only to Canada
        ListingItem item = Json.read("""
                {"sku":"S-1","summaries":[{"marketplaceId":"ATVPDKIKX0DER","productType":"SHIRT","status":["DISCOVERABLE"],
                 "createdDate":"2025-01-01T00:00:00Z","lastUpdatedDate":"2026-02-01T12:00:00Z"}],
                 "issues":[{"code":"18155","message":"Potential pricing error","severity":"ERROR","categories":["INVALID_PRICE"],
                            "marketplaceIds":["ATVPDKIKX0DER"],
                            "enforcements":{"actions":[{"action":"LISTING_SUPPRESSED"}],"exemption":{"status":"NOT_EXEMPT"}}},
                           {"code":"99010","message":"Canada only","severity":"WARNING","categories":[],
                            "marketplaceIds":["A2EUQ1WTGCTBG2"]}]}""", ListingItem.class);

        // when mapped to a product
        Product product = ListingMapper.toProduct(item, List.of(US), UUID.randomUUID(), "t1", null, UUID.randomUUID(),
                Instant.now());

        // then it is suppressed with the US issue only, in Amazon's words
        assertThat(product.health()).isEqualTo(new ListingHealth(Verdict.SUPPRESSED,
                List.of(new ListingHealth.Issue("18155", ListingHealth.Severity.ERROR, "Potential pricing error"))));
        assertThat(EventSchemas.violations(Product.TYPE, Json.write(product))).isEmpty();
    }

    private static String item(String status, String code, String severity, String enforcement) {
        String statuses = status.isBlank() ? "" : "\"" + String.join("\",\"", status.split(",")) + "\"";
        String issues = "";
        if (!"-".equals(code)) {
            String enforcements = "";
            if (!"-".equals(enforcement)) {
                String[] parts = enforcement.split(":");
                enforcements = ",\"enforcements\":{\"actions\":[{\"action\":\"" + parts[0] + "\"}],\"exemption\":{\"status\":\""
                        + parts[1] + "\"}}";
            }
            issues = "{\"code\":\"" + code + "\",\"message\":\"m\",\"severity\":\"" + severity + "\",\"categories\":[]"
                    + enforcements + "}";
        }
        return "{\"sku\":\"X\",\"summaries\":[{\"marketplaceId\":\"" + US + "\",\"productType\":\"P\",\"status\":[" + statuses
                + "],\"createdDate\":\"2025-01-01T00:00:00Z\",\"lastUpdatedDate\":\"2025-01-01T00:00:00Z\"}],\"issues\":["
                + issues + "]}";
    }
}
