package io.nexusconnect.sims.shopify.graphql;

import graphql.GraphQL;
import graphql.GraphQLContext;
import graphql.language.StringValue;
import graphql.schema.Coercing;
import graphql.schema.DataFetchingEnvironment;
import graphql.schema.GraphQLScalarType;
import graphql.schema.GraphQLSchema;
import graphql.schema.idl.RuntimeWiring;
import graphql.schema.idl.SchemaGenerator;
import graphql.schema.idl.SchemaParser;
import graphql.schema.idl.TypeDefinitionRegistry;
import io.nexusconnect.sims.shopify.model.Gid;
import io.nexusconnect.sims.shopify.model.ShopStore;
import io.nexusconnect.sims.shopify.model.SimOrder;
import io.nexusconnect.sims.shopify.model.SimProduct;
import io.nexusconnect.sims.shopify.model.SimVariant;
import io.nexusconnect.sims.shopify.webhooks.WebhookSubscriptions;

import java.io.IOException;
import java.io.InputStream;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * The executable Admin API schema: the SDL subset in {@code admin.graphqls} wired to a {@link ShopStore} taken from
 * the request's GraphQL context ({@link #STORE}), so one schema serves every shop.
 */
public final class AdminSchema {
    public static final String STORE = "store";
    public static final String VERSION = "version";

    private final GraphQLSchema schema;
    private final GraphQL graphql;

    public AdminSchema(BulkOperations bulk, InventoryMutation inventory, WebhookSubscriptions subscriptions) {
        WebhookSubscriptionFields webhooks = new WebhookSubscriptionFields(subscriptions);
        TypeDefinitionRegistry types = new SchemaParser().parse(sdl());
        RuntimeWiring wiring = RuntimeWiring.newRuntimeWiring()
                .scalar(scalar("DateTime", v -> v instanceof Instant i ? i.toString() : String.valueOf(v)))
                .scalar(scalar("Decimal", v -> v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v)))
                .scalar(scalar("Money", v -> v instanceof BigDecimal d ? d.toPlainString() : String.valueOf(v)))
                .scalar(scalar("URL", String::valueOf))
                .scalar(scalar("UnsignedInt64", String::valueOf))
                .type("Node", t -> t.typeResolver(env -> env.getSchema().getObjectType(
                        (String) ((Map<?, ?>) env.getObject()).get(Views.TYPENAME))))
                .type("QueryRoot", t -> t
                        .dataFetcher("shop", env -> Views.shop(store(env).shop()))
                        .dataFetcher("locations", env -> Connections.page(env, store(env).locations(),
                                l -> Connections.number(l.number()), Views::location))
                        .dataFetcher("orders", AdminSchema::orders)
                        .dataFetcher("products", AdminSchema::products)
                        .dataFetcher("node", env -> node(env, bulk))
                        .dataFetcher("order", env -> typed(node(env, bulk), "Order"))
                        .dataFetcher("product", env -> typed(node(env, bulk), "Product"))
                        .dataFetcher("productVariants", env -> {
                            List<SearchQuery> anyOf = SearchQuery.anyOf(env.getArgument("query"));
                            ShopStore store = store(env);
                            List<SimVariant> matching = store.products().stream()
                                    .flatMap(p -> p.variants().stream())
                                    .filter(v -> anyOf.stream().anyMatch(q -> q.matchesText("sku", v, SimVariant::sku)))
                                    .toList();
                            return Connections.page(env, matching, v -> Connections.number(v.number()),
                                    v -> Views.variant(v, store));
                        })
                        .dataFetcher("productsCount", env -> {
                            SearchQuery query = SearchQuery.parse(env.getArgument("query"));
                            Integer limit = env.getArgument("limit");
                            long count = store(env).products().stream()
                                    .filter(p -> query.matchesDate("updated_at", p.updatedAt()))
                                    .filter(p -> query.matchesText("status", p, SimProduct::status)).count();
                            boolean capped = limit != null && count > limit;
                            return Map.of("count", capped ? limit : (int) count,
                                    "precision", capped ? "AT_LEAST" : "EXACT");
                        })
                        .dataFetcher("currentBulkOperation", env -> bulk.current(store(env)))
                        .dataFetcher("webhookSubscriptions", webhooks::list)
                        .dataFetcher("webhookSubscription", webhooks::one))
                .type("Mutation", t -> t
                        .dataFetcher("bulkOperationRunQuery", env -> bulk.run(env, store(env), this))
                        .dataFetcher("inventorySetQuantities", env -> inventory.set(env, store(env)))
                        .dataFetcher("webhookSubscriptionCreate", webhooks::create)
                        .dataFetcher("webhookSubscriptionDelete", webhooks::delete))
                .type("Order", t -> t.dataFetcher("lineItems", env -> {
                    SimOrder o = source(env, SimOrder.class);
                    return Connections.page(env, o.lines(), l -> Connections.number(l.number()),
                            l -> Views.lineItem(l, o.currencyCode(), store(env)));
                }))
                .type("LineItem", t -> t.dataFetcher("taxLines", env ->
                        ((Map<?, ?>) env.getSource()).get("taxLines")))
                .type("Product", t -> t.dataFetcher("variants", env -> Connections.page(env,
                        source(env, SimProduct.class).variants(), v -> Connections.number(v.number()),
                        v -> Views.variant(v, store(env)))))
                .type("InventoryItem", t -> t
                        .dataFetcher("inventoryLevels", env -> {
                            SimVariant v = source(env, SimVariant.class);
                            ShopStore store = store(env);
                            return Connections.page(env, store.locations().stream()
                                            .filter(l -> v.stockedAt(l.number())).toList(),
                                    l -> Connections.number(l.number()), l -> Views.inventoryLevel(v, l));
                        })
                        .dataFetcher("inventoryLevel", env -> {
                            SimVariant v = source(env, SimVariant.class);
                            long location = Gid.number("Location", env.getArgument("locationId"));
                            return store(env).location(location).filter(l -> v.stockedAt(l.number()))
                                    .map(l -> Views.inventoryLevel(v, l)).orElse(null);
                        }))
                .type("InventoryLevel", t -> t.dataFetcher("quantities", env -> {
                    Object[] pair = (Object[]) ((Map<?, ?>) env.getSource()).get(Views.SOURCE);
                    SimVariant v = (SimVariant) pair[0];
                    long location = ((io.nexusconnect.sims.shopify.model.SimLocation) pair[1]).number();
                    List<String> names = env.getArgument("names");
                    return store(env).locked(() -> names.stream()
                            .map(n -> Map.of("name", n, "quantity", v.quantity(location, n))).toList());
                }))
                .build();
        this.schema = new SchemaGenerator().makeExecutableSchema(types, wiring);
        this.graphql = GraphQL.newGraphQL(schema).build();
    }

    public GraphQLSchema schema() {
        return schema;
    }

    public GraphQL graphql() {
        return graphql;
    }

    private static Object orders(DataFetchingEnvironment env) {
        ShopStore store = store(env);
        SearchQuery query = SearchQuery.parse(env.getArgument("query"));
        String sortKey = Objects.toString(env.getArgument("sortKey"), "PROCESSED_AT");
        boolean byUpdate = "UPDATED_AT".equals(sortKey);
        List<SimOrder> matching = new ArrayList<>(store.orders().stream()
                .filter(o -> query.matchesDate("updated_at", o.updatedAt()))
                .filter(o -> query.matchesDate("created_at", o.createdAt()))
                .toList());
        Comparator<SimOrder> order = byUpdate
                ? Comparator.comparing(SimOrder::updatedAt).thenComparingLong(SimOrder::number)
                : Comparator.comparing(SimOrder::createdAt).thenComparingLong(SimOrder::number);
        matching.sort(order);
        return Connections.page(env, matching, o -> Connections.number((byUpdate ? o.updatedAt() : o.createdAt())
                .toEpochMilli()) + "|" + Connections.number(o.number()), Views::order);
    }

    private static Object products(DataFetchingEnvironment env) {
        ShopStore store = store(env);
        SearchQuery query = SearchQuery.parse(env.getArgument("query"));
        boolean byUpdate = "UPDATED_AT".equals(Objects.toString(env.getArgument("sortKey"), "ID"));
        List<SimProduct> matching = new ArrayList<>(store.products().stream()
                .filter(p -> query.matchesDate("updated_at", p.updatedAt()))
                .filter(p -> query.matchesText("status", p, SimProduct::status))
                .toList());
        matching.sort(byUpdate ? Comparator.comparing(SimProduct::updatedAt).thenComparingLong(SimProduct::number)
                : Comparator.comparingLong(SimProduct::number));
        return Connections.page(env, matching, p -> (byUpdate ? Connections.number(p.updatedAt().toEpochMilli())
                + "|" : "") + Connections.number(p.number()), Views::product);
    }

    private static Object node(DataFetchingEnvironment env, BulkOperations bulk) {
        String id = env.getArgument("id");
        ShopStore store = store(env);
        String type = Gid.type(id);
        if (type == null) {
            return null;
        }
        long n = Gid.number(type, id);
        return switch (type) {
            case "Order" -> store.order(n).map(Views::order).orElse(null);
            case "Product" -> store.product(n).map(Views::product).orElse(null);
            case "ProductVariant" -> store.variant(n).map(v -> Views.variant(v, store)).orElse(null);
            case "InventoryItem" -> store.variantByInventoryItem(n).map(Views::inventoryItem).orElse(null);
            case "Location" -> store.location(n).map(Views::location).orElse(null);
            case "BulkOperation" -> bulk.byId(store, id);
            default -> null;
        };
    }

    private static Object typed(Object node, String type) {
        return node instanceof Map<?, ?> m && type.equals(m.get(Views.TYPENAME)) ? node : null;
    }

    static ShopStore store(DataFetchingEnvironment env) {
        GraphQLContext context = env.getGraphQlContext();
        return context.get(STORE);
    }

    @SuppressWarnings("unchecked")
    static <T> T source(DataFetchingEnvironment env, Class<T> type) {
        return type.cast(((Map<String, Object>) env.getSource()).get(Views.SOURCE));
    }

    private static GraphQLScalarType scalar(String name, java.util.function.Function<Object, String> serialize) {
        return GraphQLScalarType.newScalar().name(name).coercing(new Coercing<Object, String>() {
            @Override
            public String serialize(Object value) {
                return serialize.apply(value);
            }

            @Override
            public Object parseValue(Object input) {
                return String.valueOf(input);
            }

            @Override
            public Object parseLiteral(Object input) {
                return input instanceof StringValue s ? s.getValue() : String.valueOf(input);
            }
        }).build();
    }

    private static String sdl() {
        try (InputStream in = AdminSchema.class.getResourceAsStream("/io/nexusconnect/sims/shopify/admin.graphqls")) {
            return new String(Objects.requireNonNull(in, "admin.graphqls").readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }
}
