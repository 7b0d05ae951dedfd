package io.nexusconnect.sims.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.InputStream;

import static io.nexusconnect.sims.amazon.SimHttp.get;
import static io.nexusconnect.sims.amazon.SimHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

class SandboxTest extends AmazonSimTest {
    private String token;
    private JsonNode ordersModel;

    @Override
    AmazonSimConfig config() {
        return AmazonSimConfig.builder().orderCount(5).listingCount(5).build();
    }

    @BeforeAll
    void start() throws Exception {
        token = SimHttp.demoToken(sim);
        try (InputStream in = SandboxTest.class.getResourceAsStream("/amazon-models/ordersV0.json")) {
            ordersModel = SimHttp.MAPPER.readTree(in);
        }
    }

    private JsonNode getOrdersExample(String status, int index) {
        return ordersModel.path("paths").path("/orders/v0/orders").path("get").path("responses").path(status)
                .path("x-amzn-api-sandbox").path("static").path(index).path("response");
    }

    @Test
    @DisplayName("Given the static sandbox, when getOrders is called with CreatedAfter=TEST_CASE_200, then the model's example response comes back verbatim")
    void getOrdersTestCase200() {
        SimHttp.Reply reply = get(sim.sandboxBaseUrl() + "/orders/v0/orders?CreatedAfter=TEST_CASE_200"
                + "&MarketplaceIds=ATVPDKIKX0DER&MaxResultsPerPage=100", token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json()).isEqualTo(getOrdersExample("200", 0));
        assertThat(reply.json().path("payload").path("Orders").path(0).path("AmazonOrderId").asText())
                .isEqualTo("902-1845936-5435065");
        assertThat(reply.header("x-amzn-RateLimit-Limit")).isEqualTo("0.0167");
        assertThat(sim.requestLog().count("sandbox/getOrders")).isPositive();
    }

    @Test
    @DisplayName("Given the NextToken examples, when the first and the second page are asked, then the more specific example answers each")
    void nextTokenExamples() {
        String base = sim.sandboxBaseUrl() + "/orders/v0/orders?CreatedAfter=TEST_CASE_200_NEXT_TOKEN&MarketplaceIds=ATVPDKIKX0DER";

        SimHttp.Reply first = get(base, token);
        SimHttp.Reply second = get(base + "&NextToken=2YgYW55IGNhcm5hbCBwbGVhc3VyZS4", token);

        assertThat(first.json()).isEqualTo(getOrdersExample("200", 1));
        assertThat(first.json().path("payload").path("NextToken").asText()).isEqualTo("2YgYW55IGNhcm5hbCBwbGVhc3VyZS4");
        assertThat(second.json()).isEqualTo(getOrdersExample("200", 2));
        assertThat(second.json().path("payload").has("NextToken")).isFalse();
    }

    @Test
    @DisplayName("Given CreatedAfter=TEST_CASE_400, when getOrders is called, then the 400 example answers; unmatched input gets the sandbox's 400")
    void errorExampleAndNoMatch() {
        SimHttp.Reply example400 = get(sim.sandboxBaseUrl() + "/orders/v0/orders?CreatedAfter=TEST_CASE_400", token);
        SimHttp.Reply noMatch = get(sim.sandboxBaseUrl() + "/orders/v0/orders?CreatedAfter=2024-01-01T00:00:00Z"
                + "&MarketplaceIds=ATVPDKIKX0DER", token);

        assertThat(example400.status()).isEqualTo(400);
        assertThat(example400.error("code")).isEqualTo("InvalidInput");
        assertThat(example400.error("message")).isEqualTo("Invalid Input");
        assertThat(noMatch.status()).isEqualTo(400);
        assertThat(noMatch.error("message")).isEqualTo("Could not match input arguments");
    }

    @Test
    @DisplayName("Given the listings PATCH examples, when VALIDATION_VALID and BadSKU are sent, then VALID and 400 come back")
    void listingsPatchExamples() {
        String items = sim.sandboxBaseUrl() + "/listings/2021-08-01/items/SELLER1/";

        SimHttp.Reply valid = send("PATCH", items + "VALIDATION_VALID?marketplaceIds=ATVPDKIKX0DER"
                + "&includedData=identifiers,issues&mode=VALIDATION_PREVIEW", token, "{\"productType\":\"LUGGAGE\",\"patches\":[]}");
        SimHttp.Reply bad = send("PATCH", items + "BadSKU?marketplaceIds=ATVPDKIKX0DER", token, "{}");
        SimHttp.Reply accepted = send("PATCH", items + "ANY-SKU?marketplaceIds=ATVPDKIKX0DER", token, "{}");

        assertThat(valid.json().path("status").asText()).isEqualTo("VALID");
        assertThat(bad.status()).isEqualTo(400);
        assertThat(bad.error("code")).isEqualTo("BAD_REQUEST");
        assertThat(accepted.json().path("status").asText()).isEqualTo("ACCEPTED");
    }

    @Test
    @DisplayName("Given the sellers example, when the test-connection call is made in the sandbox, then BestSellerStore answers; without a token it is refused")
    void sellersExampleNeedsAToken() {
        SimHttp.Reply reply = get(sim.sandboxBaseUrl() + "/sellers/v1/marketplaceParticipations", token);
        SimHttp.Reply anonymous = get(sim.sandboxBaseUrl() + "/sellers/v1/marketplaceParticipations", null);

        assertThat(reply.json().path("payload").path(0).path("storeName").asText()).isEqualTo("BestSellerStore");
        assertThat(anonymous.status()).isEqualTo(403);
    }
}
