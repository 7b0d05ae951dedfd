package io.nexusconnect.shopify.client;

import graphql.ExecutionInput;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.OperationDefinition;
import io.nexusconnect.sims.shopify.graphql.AdminSchema;
import io.nexusconnect.sims.shopify.graphql.BulkOperations;
import io.nexusconnect.sims.shopify.graphql.InventoryMutation;
import io.nexusconnect.sims.shopify.graphql.QueryCost;
import io.nexusconnect.sims.shopify.webhooks.WebhookSubscriptions;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The adapter's documents validate against the simulator's Admin API schema subset, and the costs the adapter plans
 * equal the calculated cost of the documented formula — so no query is planned above the single-query maximum.
 */
class QueryPlanTest {
    private static final AdminSchema SCHEMA = new AdminSchema(new BulkOperations(Duration.ZERO, n -> ""),
            new InventoryMutation(false), new WebhookSubscriptions());
    private static final QueryCost COST = new QueryCost(SCHEMA.schema());
    private static final int MAX = 1000;

    private static int cost(String query, Map<String, Object> variables) {
        ExecutionInput input = ExecutionInput.newExecutionInput(query).variables(variables).build();
        ParseAndValidateResult result = ParseAndValidate.parseAndValidate(SCHEMA.schema(), input);
        assertThat(result.getErrors()).as(query).isEmpty();
        return COST.requested(result.getDocument().getDefinitionsOfType(OperationDefinition.class).getFirst(),
                variables);
    }

    @Test
    @DisplayName("The orders page is planned at its calculated cost, as many orders as fit under 1000 points")
    void orders() {
        int lines = 5;
        int first = Queries.ordersPageSize(lines, MAX);
        int planned = Queries.ordersCost(first, lines);
        assertThat(cost(Queries.ORDERS, Map.of("first", first, "query", "x", "lines", lines))).isEqualTo(planned);
        assertThat(planned).isLessThanOrEqualTo(MAX);
        assertThat(Queries.ordersCost(first + 1, lines)).isGreaterThan(MAX);
    }

    @Test
    @DisplayName("Follow-up lines, products, variants, SKU lookups, shop, locations and the mutations stay under 1000")
    void others() {
        int lineFirst = Queries.orderLinesPageSize(MAX);
        assertThat(cost(Queries.ORDER_LINES, Map.of("id", "gid://shopify/Order/1", "first", lineFirst)))
                .isEqualTo(Queries.orderLinesCost(lineFirst)).isLessThanOrEqualTo(MAX);
        int productFirst = Queries.productsPageSize(10, MAX);
        assertThat(cost(Queries.PRODUCTS, Map.of("first", productFirst, "variants", 10, "location", "l")))
                .isEqualTo(Queries.productsCost(productFirst, 10)).isLessThanOrEqualTo(MAX);
        int variantFirst = Queries.productVariantsPageSize(MAX);
        assertThat(cost(Queries.PRODUCT_VARIANTS, Map.of("id", "p", "first", variantFirst, "location", "l")))
                .isEqualTo(Queries.productVariantsCost(variantFirst)).isLessThanOrEqualTo(MAX);
        assertThat(cost(Queries.VARIANTS_BY_SKU, Map.of("first", 1, "query", "sku:A", "location", "l")))
                .isEqualTo(Queries.variantsBySkuCost(1));
        assertThat(cost(Queries.SHOP, Map.of())).isEqualTo(Queries.SHOP_COST);
        assertThat(cost(Queries.LOCATIONS, Map.of())).isEqualTo(Queries.LOCATIONS_COST);
        assertThat(cost(Queries.PRODUCTS_COUNT, Map.of())).isEqualTo(Queries.PRODUCTS_COUNT_COST);
        assertThat(cost(Queries.BULK_RUN, Map.of("query", "{ shop { name } }"))).isEqualTo(Queries.MUTATION_COST);
        assertThat(cost(Queries.SET_QUANTITIES.formatted("k"), Map.of("input", Map.of("name", "available",
                "reason", "correction", "quantities", java.util.List.of())))).isEqualTo(Queries.MUTATION_COST);
        assertThat(cost(Queries.BULK_POLL, Map.of("id", "gid://shopify/BulkOperation/1")))
                .isEqualTo(Queries.BULK_POLL_COST);
    }

    @Test
    @DisplayName("The webhook subscription listing and both mutations validate and cost what the registrar plans")
    void webhookSubscriptions() {
        assertThat(cost(Queries.WEBHOOK_SUBSCRIPTIONS, Map.of("first", Queries.WEBHOOK_PAGE)))
                .isEqualTo(Queries.WEBHOOK_SUBSCRIPTIONS_COST).isLessThanOrEqualTo(MAX);
        assertThat(cost(Queries.WEBHOOK_CREATE, Map.of("topic", "ORDERS_CREATE", "subscription",
                Map.of("uri", "https://hooks.example/api/webhooks/shopify/x", "format", "JSON"))))
                .isEqualTo(Queries.MUTATION_COST);
        assertThat(cost(Queries.WEBHOOK_DELETE, Map.of("id", "gid://shopify/WebhookSubscription/1")))
                .isEqualTo(Queries.MUTATION_COST);
    }
}
