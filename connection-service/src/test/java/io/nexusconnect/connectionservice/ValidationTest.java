package io.nexusconnect.connectionservice;

import io.nexusconnect.testinfra.NexusInfraResource;
import io.quarkus.test.common.QuarkusTestResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static io.nexusconnect.connectionservice.Fixtures.as;
import static org.assertj.core.api.Assertions.assertThat;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;

@QuarkusTest
@QuarkusTestResource(value = NexusInfraResource.class, restrictToAnnotatedClass = false)
class ValidationTest {

    @Test
    @DisplayName("A form with bad credentials and bad settings is rejected with every offending field, without echoing the secrets")
    void everyFieldIsReported() {
        String badSecret = "not-a-secret-that-fits-SECRET123";
        Map<String, String> fields = Map.of(
                "lwaClientId", "wrong-client-id-SECRET456",
                "lwaClientSecret", badSecret,
                "sellingPartnerId", "A3TH9S8BH6GOGM",
                "marketplaceIds", "ATVPDKIKX0DER,NOPE",
                "region", "MOON",
                "colour", "blue");
        Map<String, Object> settings = Map.of("syncInterval", "5m", "orderLookback", "2y",
                "inventoryBufferPercent", 80, "currency", "EURO",
                "syncWindow", Map.of("start", "25:00", "timeZone", "Mars/Olympus"));

        Response response = as("t1").body(Map.of("marketplace", "amazon", "fields", fields, "settings", settings))
                .post("/api/connections");

        response.then().statusCode(400).contentType("application/problem+json").body("status", equalTo(400));
        List<String> offending = response.jsonPath().getList("errors.field");
        assertThat(offending).containsExactlyInAnyOrder(
                "fields.colour", "fields.lwaClientId", "fields.lwaClientSecret", "fields.refreshToken",
                "fields.marketplaceIds", "fields.region",
                "settings.syncInterval", "settings.orderLookback", "settings.inventoryBufferPercent", "settings.currency",
                "settings.syncWindow.start", "settings.syncWindow.end", "settings.syncWindow.timeZone");
        assertThat(response.asString()).doesNotContain(badSecret, "SECRET456");
    }

    @Test
    @DisplayName("Marketplace ids of another region are refused on the marketplaceIds field")
    void crossRegionMarketplace() {
        Map<String, String> fields = new java.util.HashMap<>(Fixtures.amazonFields());
        fields.put("marketplaceIds", "ATVPDKIKX0DER,A1PA6795UKMFR9");

        as("t1").body(Map.of("marketplace", "amazon", "fields", fields)).post("/api/connections").then()
                .statusCode(400)
                .body("errors.field", equalTo(List.of("fields.marketplaceIds")))
                .body("errors[0].message", equalTo("A1PA6795UKMFR9 (DE) belongs to region EU, not NA"));
    }

    @Test
    @DisplayName("An unknown marketplace is a 400 on the marketplace field")
    void unknownMarketplace() {
        as("t1").body(Map.of("marketplace", "etsy", "fields", Map.of("apiKey", "x"))).post("/api/connections").then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("errors.field", hasItem("marketplace"));
    }

    @Test
    @DisplayName("A body that is not JSON, or has a value of the wrong type, is a 400 problem that repeats nothing of it")
    void unreadableBody() {
        as("t1").body("{\"marketplace\": \"amazon\", \"fields\": {\"refreshToken\": \"Atzr|LEAKED").post("/api/connections")
                .then().statusCode(400).contentType("application/problem+json")
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("LEAKED")));
        as("t1").body("{\"marketplace\": \"amazon\", \"settings\": {\"inventoryBufferPercent\": \"lots\"}}")
                .post("/api/connections")
                .then().statusCode(400).contentType("application/problem+json")
                .body("errors.field", equalTo(List.of("settings.inventoryBufferPercent")))
                .body(org.hamcrest.Matchers.not(org.hamcrest.Matchers.containsString("lots")));
    }
}
