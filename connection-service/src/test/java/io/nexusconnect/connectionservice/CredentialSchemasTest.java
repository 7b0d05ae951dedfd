package io.nexusconnect.connectionservice;

import io.nexusconnect.connectionservice.webhook.WebhookSecretFields;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItems;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class CredentialSchemasTest {
    private static final List<String> ALL = List.of("amazon", "ebay", "walmart", "shopify", "bol", "zalando", "kaufland");

    @Test
    @DisplayName("Each of the seven marketplaces accepts its credential form: secrets masked, the rest as properties, the marketplace currency as default")
    void everyMarketplaceConnects() {
        Map<String, String> expectedCurrency = Map.of("amazon", "USD", "bol", "EUR", "walmart", "USD", "zalando", "EUR",
                "kaufland", "CZK");
        for (String marketplace : ALL) {
            Map<String, String> fields = MarketplaceForms.valid(marketplace);

            Response response = as("t-forms").body(Map.of("marketplace", marketplace, "fields", fields))
                    .post("/api/connections");

            response.then().statusCode(201).body("marketplace", equalTo(marketplace)).body("status", equalTo("pending"));
            Map<String, String> masked = response.jsonPath().getMap("credentials");
            Map<String, String> properties = response.jsonPath().getMap("properties");
            assertThat(masked.values()).allMatch(v -> v.startsWith("****"));
            // a webhook secret nexus generates joins the credentials when the form left it empty
            int generated = WebhookSecretFields.nexusManaged(Marketplace.of(marketplace))
                    .filter(field -> !fields.containsKey(field)).isPresent() ? 1 : 0;
            assertThat(masked.size() + properties.size()).as(marketplace).isEqualTo(fields.size() + generated);
            fields.forEach((name, value) -> {
                if (masked.containsKey(name)) {
                    assertThat(response.asString()).as(marketplace + " leaks " + name).doesNotContain(value.trim());
                } else {
                    assertThat(properties).containsEntry(name, value.trim());
                }
            });
            if (expectedCurrency.containsKey(marketplace)) {
                assertThat(response.jsonPath().getString("currency")).as(marketplace).isEqualTo(expectedCurrency.get(marketplace));
            }
        }
    }

    @Test
    @DisplayName("Walmart takes OAuth client credentials, masks the secret, and names what it misses")
    void walmartSchemes() {
        as("t-forms").body(Map.of("marketplace", "walmart", "fields", Map.of(
                "clientId", "walmart-client-0123", "clientSecret", "walmart-secret-0123456789"))).post("/api/connections")
                .then().statusCode(201).body("credentials.clientSecret", equalTo("****6789"));
        as("t-forms").body(Map.of("marketplace", "walmart", "fields", Map.of("clientId", "walmart-client-0123")))
                .post("/api/connections")
                .then().statusCode(400).body("errors.field", equalTo(List.of("fields.clientSecret")));
    }

    @Test
    @DisplayName("Malformed values of every marketplace are refused with every offending field, never quoting a secret")
    void malformedPerMarketplace() {
        expectErrors("bol", Map.of(), "fields.clientId", "fields.clientSecret");
        expectErrors("ebay", Map.of("appId", "bad", "devId", "not-a-uuid", "certId", "XYZ-1", "userToken", "short",
                        "notificationVerificationToken", "too-short"),
                "fields.appId", "fields.devId", "fields.certId", "fields.userToken", "fields.refreshToken",
                "fields.notificationVerificationToken");
        expectErrors("walmart", Map.of("clientId", "walmart-client-0123", "acknowledgeOrders", "maybe"),
                "fields.clientSecret", "fields.acknowledgeOrders");
        expectErrors("shopify", Map.of("shopDomain", "evil.com", "adminApiAccessToken", "abc"),
                "fields.shopDomain", "fields.adminApiAccessToken", "fields.apiSecretKey");
        expectErrors("zalando", Map.of("clientId", "zalando-client-1", "clientSecret", "zalando-secret-1", "merchantId", "42"),
                "fields.merchantId");
        expectErrors("kaufland", Map.of("clientKey", "ABCDEF", "secretKey", "0123", "storefront", "us"),
                "fields.clientKey", "fields.secretKey", "fields.storefront");
        Response response = as("t-forms").body(Map.of("marketplace", "ebay", "fields",
                Map.of("userToken", "LEAK-me-not", "appId", "x"))).post("/api/connections");
        assertThat(response.asString()).doesNotContain("LEAK-me-not");
    }

    @Test
    @DisplayName("Shop domains and Seller Central URLs come from allow-lists: no request can be pointed at another host")
    void allowListsStopSsrf() {
        for (String domain : List.of("evil.com", "nexus.myshopify.com.evil.com", "http://nexus.myshopify.com",
                "nexus.myshopify.com/admin", "127.0.0.1", "nexus.myshopify.com:8080", "NEXUS.myshopify.com@evil.com")) {
            Map<String, String> fields = new HashMap<>(MarketplaceForms.valid("shopify"));
            fields.put("shopDomain", domain);
            as("t-forms").body(Map.of("marketplace", "shopify", "fields", fields)).post("/api/connections").then()
                    .statusCode(400).body("errors.field", equalTo(List.of("fields.shopDomain")));
        }
        for (String url : List.of("https://sellercentral.amazon.com.evil.com", "http://169.254.169.254",
                "https://sellercentral.amazon.com/../")) {
            Map<String, String> fields = new HashMap<>(MarketplaceForms.valid("amazon"));
            fields.put("sellerCentralUrl", url);
            as("t-forms").body(Map.of("marketplace", "amazon", "fields", fields)).post("/api/connections").then()
                    .statusCode(400).body("errors.field", equalTo(List.of("fields.sellerCentralUrl")));
        }
    }

    @Test
    @DisplayName("The marketplace grid lists all seven credential forms, secrets flagged")
    void marketplaceForms() {
        as("t-forms").get("/api/marketplaces").then().statusCode(200)
                .body("id", equalTo(ALL))
                .body("find { it.id == 'shopify' }.fields.name",
                        equalTo(List.of("shopDomain", "adminApiAccessToken", "apiSecretKey", "locationId")))
                .body("find { it.id == 'ebay' }.fields.name", hasItems("appId", "devId", "certId", "userToken",
                        "refreshToken", "notificationVerificationToken"))
                .body("find { it.id == 'kaufland' }.fields.find { it.name == 'storefront' }.allowedValues",
                        hasItems("de", "at", "cz", "sk"))
                .body("find { it.id == 'amazon' }.fields.find { it.name == 'region' }.allowedValues",
                        equalTo(List.of("NA", "EU", "FE")));
    }

    private static void expectErrors(String marketplace, Map<String, String> fields, String... expected) {
        Response response = as("t-forms").body(Map.of("marketplace", marketplace, "fields", fields)).post("/api/connections");
        response.then().statusCode(400).contentType("application/problem+json");
        assertThat(response.jsonPath().getList("errors.field", String.class)).as(marketplace)
                .containsExactlyInAnyOrder(expected);
    }
}
