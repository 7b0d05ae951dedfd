package io.nexusconnect.connectionservice;

import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.nullValue;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class AccountsTest {

    @Test
    @DisplayName("Several accounts of one marketplace, and one Amazon seller in several marketplaces, connect side by side; the same account twice is a 409")
    void multiAccount() {
        Map<String, String> us = new HashMap<>(Fixtures.amazonFields());
        us.put("marketplaceIds", "ATVPDKIKX0DER");
        create("t-accounts-multi", us, "Amazon US").then().statusCode(201).body("currency", equalTo("USD"));

        Map<String, String> canada = new HashMap<>(Fixtures.amazonFields());
        canada.put("sellingPartnerId", us.get("sellingPartnerId"));
        canada.put("marketplaceIds", "A2EUQ1WTGCTBG2");
        create("t-accounts-multi", canada, "Amazon CA").then().statusCode(201).body("currency", equalTo("CAD"));

        Map<String, String> eu = new HashMap<>(Fixtures.amazonFields());
        eu.put("marketplaceIds", "A1PA6795UKMFR9");
        eu.put("region", "EU");
        create("t-accounts-multi", eu, "Amazon EU").then().statusCode(201).body("currency", equalTo("EUR"));

        Map<String, String> overlapping = new HashMap<>(Fixtures.amazonFields());
        overlapping.put("sellingPartnerId", us.get("sellingPartnerId"));
        overlapping.put("marketplaceIds", "ATVPDKIKX0DER,A1AM78C64UM0Y8");
        create("t-accounts-multi", overlapping, "again").then().statusCode(409)
                .contentType("application/problem+json")
                .body("detail", containsString("ATVPDKIKX0DER"));

        // another tenant may connect the very same account
        create("t-accounts-other", us, "theirs").then().statusCode(201);
        as("t-accounts-multi").get("/api/connections").then().body("label", equalTo(List.of("Amazon US", "Amazon CA", "Amazon EU")));
    }

    @Test
    @DisplayName("A Shopify shop is shown by its domain, connected once; after Remove it can be connected again")
    void shopifyAccountIdentity() {
        Map<String, String> shop = MarketplaceForms.valid("shopify");
        String id = as("t-accounts").body(Map.of("marketplace", "shopify", "fields", shop)).post("/api/connections")
                .then().statusCode(201).body("accountName", equalTo(shop.get("shopDomain")))
                .extract().path("id");
        Map<String, String> sameShopNewToken = new HashMap<>(MarketplaceForms.valid("shopify"));
        sameShopNewToken.put("shopDomain", shop.get("shopDomain").toUpperCase());
        as("t-accounts").body(Map.of("marketplace", "shopify", "fields", Map.of("shopDomain", shop.get("shopDomain"),
                        "adminApiAccessToken", sameShopNewToken.get("adminApiAccessToken"),
                        "apiSecretKey", sameShopNewToken.get("apiSecretKey"))))
                .post("/api/connections").then().statusCode(409);

        as("t-accounts").delete("/api/connections/" + id).then().statusCode(204);
        as("t-accounts").body(Map.of("marketplace", "shopify", "fields", shop)).post("/api/connections").then()
                .statusCode(201);
    }

    @Test
    @DisplayName("Label and description tell accounts apart; each change is a new snapshot version")
    void labelAndDescription() {
        Map<String, Object> body = new HashMap<>(Fixtures.createBody(Fixtures.amazonFields()));
        body.put("description", "seller-us@example.com");
        String id = as("t-accounts").body(body).post("/api/connections").then().statusCode(201)
                .body("description", equalTo("seller-us@example.com")).extract().path("id");

        as("t-accounts").body(Map.of("label", "Amazon US — outlet")).patch("/api/connections/" + id).then()
                .statusCode(200)
                .body("label", equalTo("Amazon US — outlet"))
                .body("description", equalTo("seller-us@example.com"))
                .body("version", equalTo(1));
        as("t-accounts").body(Map.of("description", "")).patch("/api/connections/" + id).then().statusCode(200)
                .body("description", nullValue()).body("version", equalTo(2));
        as("t-accounts").body(Map.of("label", " ", "description", "x".repeat(1001))).patch("/api/connections/" + id)
                .then().statusCode(400).body("errors.field", equalTo(List.of("description", "label")));
    }

    @Test
    @DisplayName("Pause stops and Resume restarts the scheduled sync: state paused, then active, each a new snapshot")
    void pauseAndResume() {
        UUID id = Fixtures.createConnection("t-accounts-pause");
        as("t-accounts-pause").post("/api/connections/" + id + "/pause").then().statusCode(200)
                .body("state", equalTo("paused")).body("version", equalTo(1));
        as("t-accounts-pause").post("/api/connections/" + id + "/resume").then().statusCode(200)
                .body("state", equalTo("active")).body("version", equalTo(2));
        List<String> states = Fixtures.awaitRecords(io.nexusconnect.contracts.Topics.CONNECTIONS, id.toString(), 3).stream()
                .map(r -> io.nexusconnect.contracts.kafka.Json.read(r.value(),
                        io.nexusconnect.contracts.connection.ConnectionSnapshot.class).state().json()).toList();
        org.assertj.core.api.Assertions.assertThat(states).containsExactly("active", "paused", "active");
    }

    @Test
    @DisplayName("Currency: the marketplace default, or the override of the settings")
    void currency() {
        UUID id = Fixtures.createConnection("t-accounts-ccy");
        as("t-accounts-ccy").get("/api/connections/" + id).then().body("currency", equalTo("USD"));
        as("t-accounts-ccy").body(Map.of("currency", "EUR")).put("/api/connections/" + id + "/settings").then()
                .statusCode(200).body("currency", equalTo("EUR")).body("settings.currency", equalTo("EUR"));
        as("t-accounts-ccy").body(Map.of()).put("/api/connections/" + id + "/settings").then()
                .statusCode(200).body("currency", equalTo("USD"));
    }

    @Test
    @DisplayName("A removed connection leaves the list but stays queryable as removed, with its sync history")
    void removedStaysQueryable() {
        UUID id = Fixtures.createConnection("t-accounts-rm");
        as("t-accounts-rm").delete("/api/connections/" + id).then().statusCode(204);

        as("t-accounts-rm").get("/api/connections").then().body("id", not(hasItem(id.toString())));
        as("t-accounts-rm").get("/api/connections?removed=true").then().statusCode(200)
                .body("id", hasItem(id.toString()))
                .body("find { it.id == '" + id + "' }.removedAt", not(nullValue()));
        as("t-accounts-rm").get("/api/connections/" + id + "/syncs").then().statusCode(200).body("total", equalTo(0));
        as("t-accounts-rm").post("/api/connections/" + id + "/sync").then().statusCode(404);
    }

    private static io.restassured.response.Response create(String tenant, Map<String, String> fields, String label) {
        return as(tenant).body(Map.of("marketplace", "amazon", "label", label, "fields", fields)).post("/api/connections");
    }
}
