package io.nexusconnect.sims.shopify.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.GraphQLError;
import graphql.ParseAndValidate;
import graphql.ParseAndValidateResult;
import graphql.language.Field;
import graphql.language.OperationDefinition;
import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.FaultKind;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.common.requests.RequestLog;
import io.nexusconnect.sims.shopify.graphql.AdminSchema;
import io.nexusconnect.sims.shopify.graphql.QueryCost;
import io.nexusconnect.sims.shopify.model.ShopStore;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;
import java.util.regex.Pattern;

/**
 * {@code POST /admin/api/{version}/graphql.json}: the access token in {@code X-Shopify-Access-Token} selects the
 * shop; the query is parsed and validated against the schema, its requested cost checked against the single-query
 * maximum and the shop's bucket, then executed; every answer carries {@code extensions.cost}. Shapes after
 * https://shopify.dev/docs/api/admin-graphql and https://shopify.dev/docs/api/usage/response-codes.
 */
public final class GraphqlEndpoint implements Handler<RoutingContext> {
    public static final String ACCESS_TOKEN_HEADER = "X-Shopify-Access-Token";
    private static final Pattern VERSION = Pattern.compile("\\d{4}-(01|04|07|10)|unstable");
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Vertx vertx;
    private final AdminSchema schema;
    private final QueryCost cost;
    private final Function<String, Optional<ShopStore>> shopsByToken;
    private final Function<ShopStore, CostBucket> buckets;
    private final Faults faults;
    private final RequestLog log;
    private final List<String> supportedVersions;
    private final int maxSingleQueryCost;

    public GraphqlEndpoint(Vertx vertx, AdminSchema schema, Function<String, Optional<ShopStore>> shopsByToken,
                           Function<ShopStore, CostBucket> buckets, Faults faults, RequestLog log,
                           List<String> supportedVersions, int maxSingleQueryCost) {
        this.vertx = vertx;
        this.schema = schema;
        this.cost = new QueryCost(schema.schema());
        this.shopsByToken = shopsByToken;
        this.buckets = buckets;
        this.faults = faults;
        this.log = log;
        this.supportedVersions = supportedVersions;
        this.maxSingleQueryCost = maxSingleQueryCost;
    }

    @Override
    public void handle(RoutingContext ctx) {
        String requestId = UUID.randomUUID().toString();
        ctx.response().putHeader("X-Request-Id", requestId).putHeader("Content-Type", "application/json");
        String version = ctx.pathParam("version");
        if (!VERSION.matcher(version).matches()) {
            reply(ctx, "unknown", 404, "{\"errors\":\"Not Found\"}");
            return;
        }
        // an unsupported (too old) version falls forward to the oldest supported one, as Shopify does
        String served = supportedVersions.contains(version) ? version : supportedVersions.getFirst();
        ctx.response().putHeader("X-Shopify-API-Version", served);
        Optional<ShopStore> shop = shopsByToken.apply(ctx.request().getHeader(ACCESS_TOKEN_HEADER));
        if (shop.isEmpty()) {
            reply(ctx, "unauthenticated", 401, invalidToken());
            return;
        }
        JsonNode body;
        try {
            body = JSON.readTree(ctx.body().asString());
        } catch (Exception e) {
            body = null;
        }
        if (body == null || !body.path("query").isTextual()) {
            reply(ctx, "bad_request", 400, "{\"errors\":{\"query\":\"Required parameter missing or invalid\"}}");
            return;
        }
        String query = body.get("query").asText();
        @SuppressWarnings("unchecked")
        Map<String, Object> variables = body.path("variables").isObject()
                ? JSON.convertValue(body.get("variables"), Map.class) : Map.of();
        ExecutionInput input = ExecutionInput.newExecutionInput(query).variables(variables).build();
        ParseAndValidateResult parsed = ParseAndValidate.parseAndValidate(schema.schema(), input);
        CostBucket bucket = buckets.apply(shop.get());
        if (parsed.isFailure()) {
            reply(ctx, "invalid", 200, errors(parsed.getErrors(), null, bucket.status()));
            return;
        }
        OperationDefinition op = parsed.getDocument().getDefinitionsOfType(OperationDefinition.class).getFirst();
        String operation = op.getSelectionSet().getSelectionsOfType(Field.class).stream().map(Field::getName)
                .findFirst().orElse("unknown");
        Optional<Fault> fault = faults.take(operation, FaultKind.Target.API);
        if (fault.isPresent() && fault.get() instanceof Fault.Slow slow) {
            vertx.setTimer(Math.max(1, slow.delay().toMillis()),
                    id -> vertx.executeBlocking(() -> run(ctx, shop.get(), served, op, operation, input, variables,
                            Optional.empty()), false));
            return;
        }
        vertx.executeBlocking(() -> run(ctx, shop.get(), served, op, operation, input, variables, fault), false);
    }

    private Void run(RoutingContext ctx, ShopStore shop, String version, OperationDefinition op, String operation,
                     ExecutionInput input, Map<String, Object> variables, Optional<Fault> fault) {
        CostBucket bucket = buckets.apply(shop);
        if (fault.isPresent()) {
            switch (fault.get()) {
                case Fault.RateLimit tooMany -> {
                    ctx.response().putHeader("Retry-After", String.valueOf(tooMany.retryAfter().toSeconds()));
                    reply(ctx, operation, 429, "{\"errors\":\"Exceeded 2 calls per second for api client. Reduce "
                            + "request rates to resume uninterrupted service.\"}");
                    return null;
                }
                case Fault.ServerError error -> {
                    reply(ctx, operation, error.status(), "{\"errors\":\"Internal Server Error\"}");
                    return null;
                }
                case Fault.ExpiredToken ignored -> {
                    reply(ctx, operation, 401, invalidToken());
                    return null;
                }
                case Fault.AccountSuspended ignored -> {
                    reply(ctx, operation, 402, "{\"errors\":\"Unavailable Shop\"}");
                    return null;
                }
                case Fault.ScopeMissing ignored -> {
                    reply(ctx, operation, 403, "{\"errors\":\"[API] This action requires merchant approval for "
                            + "read_orders scope.\"}");
                    return null;
                }
                default -> {
                }
            }
        }
        int requested = cost.requested(op, variables);
        if (requested > maxSingleQueryCost) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", "Query cost is " + requested + ", which exceeds the single query max cost limit ("
                    + maxSingleQueryCost + ").\n\nSee https://shopify.dev/concepts/about-apis/rate-limits for more "
                    + "information on how the cost of a query is calculated.\n\nTo query larger amounts of data with "
                    + "fewer limits, bulk operations should be used instead.\nSee https://shopify.dev/tutorials/"
                    + "perform-bulk-operations-with-admin-api for usage details.\n");
            error.put("extensions", Map.of("code", "MAX_COST_EXCEEDED", "cost", requested,
                    "maxCost", maxSingleQueryCost));
            reply(ctx, operation, 200, json(answer(null, List.of(error), requested, null, bucket.status())));
            return null;
        }
        if (!bucket.tryTake(requested)) {
            Map<String, Object> error = new LinkedHashMap<>();
            error.put("message", "Throttled");
            error.put("extensions", Map.of("code", "THROTTLED",
                    "documentation", "https://shopify.dev/api/usage/rate-limits"));
            reply(ctx, operation + ":throttled", 200,
                    json(answer(null, List.of(error), requested, null, bucket.status())));
            return null;
        }
        Map<String, Object> context = new LinkedHashMap<>();
        context.put(AdminSchema.STORE, shop);
        context.put(AdminSchema.VERSION, version);
        ExecutionResult result = schema.graphql().execute(input.transform(b -> b.graphQLContext(context)));
        Map<String, Object> data = result.getData();
        int actual = Math.min(requested, cost.actual(op, variables, data));
        bucket.refund(requested - actual);
        List<Map<String, Object>> errors = result.getErrors().isEmpty() ? null
                : result.getErrors().stream().map(GraphQLError::toSpecification).toList();
        String text = json(answer(data, errors, requested, actual, bucket.status()));
        if (fault.isPresent() && fault.get() instanceof Fault.MalformedJson) {
            text = text.substring(0, text.length() / 2);
        }
        reply(ctx, operation, 200, text);
        return null;
    }

    private static Map<String, Object> answer(Map<String, Object> data, List<?> errors, int requested,
                                              Integer actual, CostBucket.Status status) {
        Map<String, Object> out = new LinkedHashMap<>();
        if (errors != null) {
            out.put("errors", errors);
        }
        if (data != null) {
            out.put("data", data);
        }
        Map<String, Object> throttle = new LinkedHashMap<>();
        throttle.put("maximumAvailable", status.maximumAvailable());
        throttle.put("currentlyAvailable", status.currentlyAvailable());
        throttle.put("restoreRate", status.restoreRate());
        Map<String, Object> costMap = new LinkedHashMap<>();
        costMap.put("requestedQueryCost", requested);
        costMap.put("actualQueryCost", actual);
        costMap.put("throttleStatus", throttle);
        out.put("extensions", Map.of("cost", costMap));
        return out;
    }

    private static String errors(List<GraphQLError> errors, Object data, CostBucket.Status status) {
        return json(answer(null, errors.stream().map(GraphQLError::toSpecification).toList(), 0, null, status));
    }

    private static String invalidToken() {
        return "{\"errors\":\"[API] Invalid API key or access token (unrecognized login or wrong password)\"}";
    }

    private void reply(RoutingContext ctx, String operation, int status, String body) {
        log.record(operation, status);
        ctx.response().setStatusCode(status).end(body);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (Exception e) {
            ObjectNode node = JSON.createObjectNode();
            node.put("errors", "Internal error");
            return node.toString();
        }
    }
}
