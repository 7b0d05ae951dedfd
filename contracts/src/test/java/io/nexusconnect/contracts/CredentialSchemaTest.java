package io.nexusconnect.contracts;

import io.nexusconnect.contracts.connection.CredentialSchemas;
import io.nexusconnect.contracts.connection.FieldViolation;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class CredentialSchemaTest {
    static Map<String, String> amazon() {
        Map<String, String> values = new HashMap<>();
        values.put("lwaClientId", "amzn1.application-oa2-client.0123456789abcdef0123456789abcdef");
        values.put("lwaClientSecret", "amzn1.oa2-cs.v1.0123456789abcdef0123456789abcdef");
        values.put("refreshToken", "Atzr|IwEBIA0123456789abcdefghijkl");
        values.put("sellingPartnerId", "A3NEXUSDEMO01");
        values.put("marketplaceIds", "ATVPDKIKX0DER,A2EUQ1WTGCTBG2");
        values.put("region", "NA");
        return values;
    }

    @Test
    @DisplayName("A complete Amazon connection passes, and its secrets are split from its properties")
    void amazonValid() {
        var schema = CredentialSchemas.of(Marketplace.AMAZON);

        assertThat(schema.validate(amazon())).isEmpty();
        assertThat(schema.secrets(amazon())).containsOnlyKeys("lwaClientId", "lwaClientSecret", "refreshToken");
        assertThat(schema.properties(amazon())).containsOnlyKeys("sellingPartnerId", "marketplaceIds", "region");
    }

    @Test
    @DisplayName("Every offending Amazon field is reported at once, and a secret value is never quoted")
    void amazonInvalid() {
        Map<String, String> values = amazon();
        values.put("lwaClientSecret", "x");
        values.remove("refreshToken");
        values.put("region", "MOON");
        values.put("nonsense", "1");

        List<FieldViolation> violations = CredentialSchemas.of(Marketplace.AMAZON).validate(values);

        assertThat(violations).extracting(FieldViolation::field)
                .containsExactlyInAnyOrder("nonsense", "lwaClientSecret", "refreshToken", "region");
        assertThat(violations).extracting(FieldViolation::message).noneMatch(m -> m.contains("'x'"));
    }

    @Test
    @DisplayName("An Amazon marketplace id of another region is refused")
    void amazonRegionMismatch() {
        Map<String, String> values = amazon();
        values.put("marketplaceIds", "A1PA6795UKMFR9");

        assertThat(CredentialSchemas.of(Marketplace.AMAZON).validate(values))
                .singleElement().satisfies(v -> assertThat(v.message()).contains("belongs to region EU"));
    }

    @Test
    @DisplayName("Every marketplace has a credential schema, and a Shopify domain outside myshopify.com is refused")
    void allMarketplacesAndShopifyDomain() {
        for (Marketplace marketplace : Marketplace.values()) {
            assertThat(CredentialSchemas.of(marketplace)).as(marketplace.id()).isNotNull();
        }
        var violations = CredentialSchemas.of(Marketplace.SHOPIFY).validate(Map.of(
                "shopDomain", "evil.example.com", "adminApiAccessToken", "shpat_0123456789abcdef0123456789abcdef",
                "apiSecretKey", "0123456789abcdef0123456789abcdef"));

        assertThat(violations).extracting(FieldViolation::field).containsExactly("shopDomain");
    }
}
