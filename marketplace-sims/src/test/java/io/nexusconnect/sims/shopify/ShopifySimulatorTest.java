package io.nexusconnect.sims.shopify;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexusconnect.sims.common.SimClock;
import io.nexusconnect.sims.common.faults.Fault;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.Map;
import java.util.Set;

import static org.assertj.core.api.Assertions.assertThat;

class ShopifySimulatorTest {
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final HttpClient HTTP = HttpClient.newHttpClient();
    private static final SimClock CLOCK = new SimClock(Instant.parse("2026-11-30T12:00:00Z"));
    private static ShopifySimulator sim;

    @BeforeAll
    static void start() {
        sim = ShopifySimulator.start(ShopifySimConfig.defaults().withData(600, 40, 7).withClock(CLOCK)
                .withBulkCompletion(Duration.ofSeconds(10)));
    }

    @AfterAll
    static void stop() {
        sim.close();
    }

    @BeforeEach
    void reset() {
        sim.faults().clear();
        sim.resetRateLimits();
    }

    @Test
    @DisplayName("The shop query answers the shop's name with the calculated cost and throttle status in extensions")
    void shop() throws Exception {
        JsonNode answer = post("{ shop { name myshopifyDomain plan { displayName } } }", Map.of()).body;
        assertThat(answer.at("/data/shop/name").asText()).isEqualTo("Nexus Demo Shop");
        assertThat(answer.at("/extensions/cost/requestedQueryCost").asInt()).isEqualTo(2);
        assertThat(answer.at("/extensions/cost/throttleStatus/maximumAvailable").asDouble()).isEqualTo(2000.0);
        assertThat(answer.at("/extensions/cost/throttleStatus/restoreRate").asDouble()).isEqualTo(100.0);
    }

    @Test
    @DisplayName("A wrong access token is answered 401 with Shopify's error text")
    void invalidToken() throws Exception {
        HttpResponse<String> response = HTTP.send(request("{ shop { name } }", Map.of(), "shpat_wrong"),
                HttpResponse.BodyHandlers.ofString());
        assertThat(response.statusCode()).isEqualTo(401);
        assertThat(response.body()).contains("Invalid API key or access token");
    }

    @Test
    @DisplayName("Orders filtered by updated_at page to the end through cursors, each order exactly once")
    void ordersPaging() throws Exception {
        String since = CLOCK.instant().minus(Duration.ofDays(20)).toString();
        String query = "query($after: String, $q: String) { orders(first: 50, after: $after, query: $q, "
                + "sortKey: UPDATED_AT) { nodes { id updatedAt lineItems(first: 5) { nodes { quantity "
                + "originalUnitPriceSet { shopMoney { amount currencyCode } } } } } "
                + "pageInfo { hasNextPage endCursor } } }";
        Set<String> ids = new HashSet<>();
        String after = null;
        int pages = 0;
        do {
            java.util.HashMap<String, Object> vars = new java.util.HashMap<>();
            vars.put("after", after);
            vars.put("q", "updated_at:>='" + since + "'");
            JsonNode answer = post(query, vars).body;
            for (JsonNode o : answer.at("/data/orders/nodes")) {
                assertThat(ids.add(o.get("id").asText())).isTrue();
                assertThat(Instant.parse(o.get("updatedAt").asText())).isAfterOrEqualTo(Instant.parse(since));
            }
            after = answer.at("/data/orders/pageInfo/hasNextPage").asBoolean()
                    ? answer.at("/data/orders/pageInfo/endCursor").asText() : null;
            assertThat(answer.at("/extensions/cost/requestedQueryCost").asInt()).isEqualTo(2 + 50 * (1 + 2 + 5 * 3));
            pages++;
            CLOCK.advance(Duration.ofSeconds(10)); // the bucket restores 100 points/s
        } while (after != null);
        long expected = sim.store().orders().stream()
                .filter(o -> !o.updatedAt().isBefore(Instant.parse(since))).count();
        assertThat(ids).hasSize((int) expected);
        assertThat(pages).isGreaterThan(1);
    }

    @Test
    @DisplayName("A query above the single-query maximum is refused with MAX_COST_EXCEEDED and costs nothing")
    void maxCost() throws Exception {
        JsonNode answer = post("{ orders(first: 250) { nodes { id lineItems(first: 250) { nodes { id } } } } }",
                Map.of()).body;
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("MAX_COST_EXCEEDED");
        assertThat(answer.at("/extensions/cost/throttleStatus/currentlyAvailable").asDouble()).isEqualTo(2000.0);
    }

    @Test
    @DisplayName("An empty bucket answers THROTTLED with HTTP 200; the restore rate refills it with time")
    void throttled() throws Exception {
        sim.costBucket().drain();
        JsonNode answer = post("{ shop { name } }", Map.of()).body;
        assertThat(answer.at("/errors/0/extensions/code").asText()).isEqualTo("THROTTLED");
        assertThat(answer.at("/extensions/cost/throttleStatus/currentlyAvailable").asDouble()).isZero();
        CLOCK.advance(Duration.ofSeconds(1));
        assertThat(post("{ shop { name } }", Map.of()).body.at("/data/shop/name").asText()).isNotEmpty();
    }

    @Test
    @DisplayName("A bulk query runs, is polled to COMPLETED and its JSONL has nested variants with __parentId")
    void bulk() throws Exception {
        JsonNode run = post("mutation { bulkOperationRunQuery(query: \"\"\"{ products { edges { node { id title "
                + "variants { edges { node { id sku } } } } } } }\"\"\") { bulkOperation { id status } userErrors "
                + "{ field message } } }", Map.of()).body;
        assertThat(run.at("/data/bulkOperationRunQuery/userErrors")).isEmpty();
        assertThat(run.at("/extensions/cost/requestedQueryCost").asInt()).isEqualTo(10);
        String poll = "{ currentBulkOperation { id status url objectCount rootObjectCount } }";
        assertThat(post(poll, Map.of()).body.at("/data/currentBulkOperation/status").asText()).isEqualTo("RUNNING");
        CLOCK.advance(Duration.ofSeconds(10));
        JsonNode done = post(poll, Map.of()).body.at("/data/currentBulkOperation");
        assertThat(done.get("status").asText()).isEqualTo("COMPLETED");
        assertThat(done.get("rootObjectCount").asLong()).isEqualTo(40);
        String jsonl = HTTP.send(HttpRequest.newBuilder(URI.create(done.get("url").asText())).build(),
                HttpResponse.BodyHandlers.ofString()).body();
        long variants = jsonl.lines().filter(l -> l.contains("__parentId")).count();
        assertThat(variants).isEqualTo(sim.store().products().stream().mapToLong(p -> p.variants().size()).sum());
    }

    @Test
    @DisplayName("inventorySetQuantities applies with the right changeFromQuantity, refuses a stale one and replays an idempotency key")
    void inventory() throws Exception {
        var variant = sim.store().products().getFirst().variants().getFirst();
        int current = variant.quantity(71001, "available");
        String mutation = "mutation($input: InventorySetQuantitiesInput!) { inventorySetQuantities(input: $input) "
                + "@idempotent(key: \"%s\") { inventoryAdjustmentGroup { changes { name delta quantityAfterChange } } "
                + "userErrors { code field message } } }";
        Map<String, Object> stale = input(variant.inventoryItemId(), current + 100, 7);
        JsonNode refused = post(mutation.formatted("k-1"), Map.of("input", stale)).body;
        assertThat(refused.at("/data/inventorySetQuantities/userErrors/0/code").asText())
                .isEqualTo("CHANGE_FROM_QUANTITY_STALE");
        assertThat(variant.quantity(71001, "available")).isEqualTo(current);

        Map<String, Object> ok = input(variant.inventoryItemId(), current, 7);
        JsonNode applied = post(mutation.formatted("k-2"), Map.of("input", ok)).body;
        assertThat(applied.at("/data/inventorySetQuantities/userErrors")).isEmpty();
        assertThat(variant.quantity(71001, "available")).isEqualTo(7);
        JsonNode replay = post(mutation.formatted("k-2"), Map.of("input", ok)).body;
        assertThat(replay.at("/data/inventorySetQuantities/inventoryAdjustmentGroup/changes/0/quantityAfterChange")
                .asInt()).isEqualTo(7);
        assertThat(post(mutation.formatted("k-2"), Map.of("input", input(variant.inventoryItemId(), 7, 9))).body
                .at("/data/inventorySetQuantities/userErrors/0/code").asText())
                .isEqualTo("IDEMPOTENCY_KEY_PARAMETER_MISMATCH");
    }

    @Test
    @DisplayName("Injected 429, 5xx and malformed answers come back as configured, then the endpoint recovers")
    void faults() throws Exception {
        sim.faults().next("shop", Fault.rateLimit(Duration.ofSeconds(3)));
        HttpResponse<String> tooMany = HTTP.send(request("{ shop { name } }", Map.of(), ShopifySimulator.DEMO
                .accessToken()), HttpResponse.BodyHandlers.ofString());
        assertThat(tooMany.statusCode()).isEqualTo(429);
        assertThat(tooMany.headers().firstValue("Retry-After")).contains("3");
        sim.faults().next("shop", Fault.serverError(503));
        assertThat(HTTP.send(request("{ shop { name } }", Map.of(), ShopifySimulator.DEMO.accessToken()),
                HttpResponse.BodyHandlers.ofString()).statusCode()).isEqualTo(503);
        sim.faults().next("shop", Fault.malformedJson());
        String cut = HTTP.send(request("{ shop { name } }", Map.of(), ShopifySimulator.DEMO.accessToken()),
                HttpResponse.BodyHandlers.ofString()).body();
        assertThat(cut).doesNotEndWith("}");
        assertThat(post("{ shop { name } }", Map.of()).status).isEqualTo(200);
    }

    private static Map<String, Object> input(String item, Integer changeFrom, int quantity) {
        java.util.HashMap<String, Object> q = new java.util.HashMap<>();
        q.put("inventoryItemId", item);
        q.put("locationId", "gid://shopify/Location/71001");
        q.put("quantity", quantity);
        q.put("changeFromQuantity", changeFrom);
        return Map.of("name", "available", "reason", "correction", "quantities", java.util.List.of(q));
    }

    private record Answer(int status, JsonNode body) {
    }

    private static Answer post(String query, Map<String, Object> variables) throws Exception {
        HttpResponse<String> r = HTTP.send(request(query, variables, ShopifySimulator.DEMO.accessToken()),
                HttpResponse.BodyHandlers.ofString());
        return new Answer(r.statusCode(), JSON.readTree(r.body()));
    }

    private static HttpRequest request(String query, Map<String, Object> variables, String token) throws Exception {
        java.util.HashMap<String, Object> body = new java.util.HashMap<>();
        body.put("query", query);
        body.put("variables", variables);
        return HttpRequest.newBuilder(URI.create(sim.graphqlUrl("2026-10")))
                .header("X-Shopify-Access-Token", token).header("Content-Type", "application/json")
                .POST(HttpRequest.BodyPublishers.ofString(JSON.writeValueAsString(body))).build();
    }
}
