package io.nexusconnect.sims.shopify.graphql;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import graphql.ExecutionInput;
import graphql.ExecutionResult;
import graphql.schema.DataFetchingEnvironment;
import io.nexusconnect.sims.shopify.model.Gid;
import io.nexusconnect.sims.shopify.model.ShopStore;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.LongFunction;

/**
 * Bulk query operations (https://shopify.dev/docs/api/usage/bulk-operations/queries): {@code bulkOperationRunQuery}
 * runs the query over every item (no page sizes, no cost limit), the operation is RUNNING until
 * {@code completionDelay} has passed on the simulator's clock, then COMPLETED with a {@code url} to a JSONL file:
 * one line per connection node, nested connection nodes on lines of their own with {@code __parentId}. One bulk query
 * at a time per shop, as the reference says.
 */
public final class BulkOperations {
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Duration completionDelay;
    private final LongFunction<String> resultUrl;
    private final AtomicLong ids = new AtomicLong(720_000);
    private final Map<String, List<Operation>> byShop = new ConcurrentHashMap<>();
    private final Map<Long, byte[]> results = new ConcurrentHashMap<>();

    private record Operation(long number, String query, Instant createdAt, Instant completesAt, long objectCount,
                             long rootObjectCount, long fileSize) {
    }

    public BulkOperations(Duration completionDelay, LongFunction<String> resultUrl) {
        this.completionDelay = completionDelay;
        this.resultUrl = resultUrl;
    }

    /** The JSONL of a completed operation. */
    public Optional<byte[]> result(long number) {
        return Optional.ofNullable(results.get(number));
    }

    Map<String, Object> run(DataFetchingEnvironment env, ShopStore store, AdminSchema schema) {
        String query = env.getArgument("query");
        Instant now = store.now();
        List<Operation> ops = byShop.computeIfAbsent(store.shop().myshopifyDomain(), k -> new ArrayList<>());
        synchronized (ops) {
            if (!ops.isEmpty() && ops.getLast().completesAt().isAfter(now)) {
                return payload(null, "A bulk query operation for this app and shop is already in progress: "
                        + Gid.of("BulkOperation", ops.getLast().number()) + ".");
            }
            Map<String, Object> context = new LinkedHashMap<>();
            context.put(AdminSchema.STORE, store);
            context.put(Connections.BULK, true);
            ExecutionResult result = schema.graphql().execute(ExecutionInput.newExecutionInput(query)
                    .graphQLContext(context).build());
            if (!result.getErrors().isEmpty()) {
                return payload(null, "Invalid bulk query: " + result.getErrors().getFirst().getMessage());
            }
            Map<String, Object> data = result.getData();
            if (data.size() != 1) {
                return payload(null, "Bulk queries must contain exactly one top-level connection field.");
            }
            List<String> lines = new ArrayList<>();
            long[] roots = {0};
            flatten(data.values().iterator().next(), null, lines, roots);
            byte[] jsonl = (String.join("\n", lines) + (lines.isEmpty() ? "" : "\n")).getBytes(StandardCharsets.UTF_8);
            Operation op = new Operation(ids.incrementAndGet(), query, now, now.plus(completionDelay), lines.size(),
                    roots[0], jsonl.length);
            results.put(op.number(), jsonl);
            ops.add(op);
            return payload(view(op, now, false), null);
        }
    }

    Map<String, Object> current(ShopStore store) {
        List<Operation> ops = byShop.get(store.shop().myshopifyDomain());
        if (ops == null || ops.isEmpty()) {
            return null;
        }
        synchronized (ops) {
            return view(ops.getLast(), store.now(), true);
        }
    }

    Map<String, Object> byId(ShopStore store, String id) {
        List<Operation> ops = byShop.getOrDefault(store.shop().myshopifyDomain(), List.of());
        synchronized (ops) {
            return ops.stream().filter(o -> Gid.of("BulkOperation", o.number()).equals(id)).findFirst()
                    .map(o -> view(o, store.now(), true)).orElse(null);
        }
    }

    private Map<String, Object> view(Operation op, Instant now, boolean polled) {
        boolean done = polled && !op.completesAt().isAfter(now);
        Map<String, Object> m = new LinkedHashMap<>();
        m.put(Views.TYPENAME, "BulkOperation");
        m.put("id", Gid.of("BulkOperation", op.number()));
        m.put("status", done ? "COMPLETED" : polled ? "RUNNING" : "CREATED");
        m.put("errorCode", null);
        m.put("createdAt", op.createdAt());
        m.put("completedAt", done ? op.completesAt() : null);
        m.put("objectCount", done ? op.objectCount() : 0L);
        m.put("rootObjectCount", done ? op.rootObjectCount() : 0L);
        m.put("fileSize", done ? op.fileSize() : null);
        m.put("url", done && op.objectCount() > 0 ? resultUrl.apply(op.number()) : null);
        m.put("partialDataUrl", null);
        m.put("query", op.query());
        m.put("type", "QUERY");
        return m;
    }

    private static Map<String, Object> payload(Map<String, Object> op, String error) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("bulkOperation", op);
        m.put("userErrors", error == null ? List.of() : List.of(Map.of("field", List.of("query"), "message", error)));
        return m;
    }

    @SuppressWarnings("unchecked")
    private static void flatten(Object connection, String parentId, List<String> lines, long[] roots) {
        for (Object item : items(connection)) {
            Map<String, Object> node = new LinkedHashMap<>((Map<String, Object>) item);
            Map<String, Object> children = new LinkedHashMap<>();
            node.entrySet().removeIf(e -> {
                if (isConnection(e.getValue())) {
                    children.put(e.getKey(), e.getValue());
                    return true;
                }
                return false;
            });
            if (parentId != null) {
                node.put("__parentId", parentId);
            } else {
                roots[0]++;
            }
            lines.add(json(node));
            String id = (String) node.get("id");
            children.values().forEach(child -> flatten(child, id, lines, roots));
        }
    }

    @SuppressWarnings("unchecked")
    private static List<Object> items(Object connection) {
        Map<String, Object> c = (Map<String, Object>) connection;
        if (c.get("nodes") instanceof List<?> nodes) {
            return (List<Object>) nodes;
        }
        List<Object> out = new ArrayList<>();
        if (c.get("edges") instanceof List<?> edges) {
            edges.forEach(e -> out.add(((Map<String, Object>) e).get("node")));
        }
        return out;
    }

    private static boolean isConnection(Object value) {
        return value instanceof Map<?, ?> m && (m.get("nodes") instanceof List || m.get("edges") instanceof List);
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException(e);
        }
    }
}
