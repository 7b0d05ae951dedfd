package io.nexusconnect.sims.shopify.graphql;

import graphql.GraphQLException;
import graphql.language.Argument;
import graphql.language.Directive;
import graphql.language.StringValue;
import graphql.language.VariableReference;
import graphql.schema.DataFetchingEnvironment;
import io.nexusconnect.sims.shopify.model.Gid;
import io.nexusconnect.sims.shopify.model.ShopStore;
import io.nexusconnect.sims.shopify.model.SimVariant;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;

/**
 * {@code inventorySetQuantities} (https://shopify.dev/docs/api/admin-graphql/2026-10/mutations/inventorySetQuantities)
 * with the compare-and-swap rule of the request's API version: from 2026-04 every quantity carries
 * {@code changeFromQuantity} (explicit null opts out; a stale value is CHANGE_FROM_QUANTITY_STALE); before, it is
 * {@code compareQuantity} unless {@code ignoreCompareQuantity}. Any user error leaves every quantity unchanged.
 * An {@code @idempotent(key:)} key replays the first answer; the same key with other input is
 * IDEMPOTENCY_KEY_PARAMETER_MISMATCH.
 */
public final class InventoryMutation {
    static final Set<String> REASONS = Set.of("correction", "cycle_count_available", "damaged", "movement_created",
            "movement_updated", "movement_received", "movement_canceled", "other", "promotion", "quality_control",
            "received", "reservation_created", "reservation_deleted", "reservation_updated", "restock", "safety_stock",
            "shrinkage");
    private static final String CHANGE_FROM_VERSION = "2026-04";

    private final boolean idempotencyRequired;
    private final Map<String, Map.Entry<Object, Map<String, Object>>> idempotent = new ConcurrentHashMap<>();
    private final AtomicLong groups = new AtomicLong(610_000);

    public InventoryMutation(boolean idempotencyRequired) {
        this.idempotencyRequired = idempotencyRequired;
    }

    @SuppressWarnings("unchecked")
    Map<String, Object> set(DataFetchingEnvironment env, ShopStore store) {
        Map<String, Object> input = env.getArgument("input");
        String key = idempotencyKey(env);
        String version = env.getGraphQlContext().getOrDefault(AdminSchema.VERSION, "2026-10");
        boolean changeFrom = version.compareTo(CHANGE_FROM_VERSION) >= 0;
        if (key == null && idempotencyRequired && changeFrom) {
            throw new GraphQLException("The @idempotent directive with a key is required for this mutation.");
        }
        if (key != null) {
            String scoped = store.shop().myshopifyDomain() + "|" + key;
            var previous = idempotent.get(scoped);
            if (previous != null) {
                return previous.getKey().equals(input) ? previous.getValue()
                        : payload(null, List.of(error("IDEMPOTENCY_KEY_PARAMETER_MISMATCH", List.of("input"),
                        "The same idempotency key cannot be used with different operation parameters.")));
            }
            Map<String, Object> answer = apply(input, store, changeFrom);
            idempotent.put(scoped, Map.entry(input, answer));
            return answer;
        }
        return apply(input, store, changeFrom);
    }

    @SuppressWarnings("unchecked")
    private Map<String, Object> apply(Map<String, Object> input, ShopStore store, boolean changeFrom) {
        return store.locked(() -> {
            String name = (String) input.get("name");
            String reason = (String) input.get("reason");
            List<Map<String, Object>> quantities = (List<Map<String, Object>>) input.get("quantities");
            boolean ignoreCompare = Boolean.TRUE.equals(input.get("ignoreCompareQuantity"));
            List<Map<String, Object>> errors = new ArrayList<>();
            if (!"available".equals(name) && !"on_hand".equals(name)) {
                errors.add(error("INVALID_NAME", List.of("input", "name"),
                        "The quantity name must be either 'available' or 'on_hand'."));
            }
            if (!REASONS.contains(reason)) {
                errors.add(error("INVALID_REASON", List.of("input", "reason"), "The reason is invalid."));
            }
            Set<String> seen = new HashSet<>();
            List<Object[]> changes = new ArrayList<>();
            for (int i = 0; i < quantities.size(); i++) {
                Map<String, Object> q = quantities.get(i);
                List<String> path = List.of("input", "quantities", String.valueOf(i));
                long item = Gid.number("InventoryItem", (String) q.get("inventoryItemId"));
                long location = Gid.number("Location", (String) q.get("locationId"));
                int quantity = (Integer) q.get("quantity");
                SimVariant variant = store.variantByInventoryItem(item).orElse(null);
                if (variant == null) {
                    errors.add(error("INVALID_INVENTORY_ITEM", field(path, "inventoryItemId"),
                            "The specified inventory item could not be found."));
                    continue;
                }
                if (store.location(location).isEmpty()) {
                    errors.add(error("INVALID_LOCATION", field(path, "locationId"),
                            "The specified location could not be found."));
                    continue;
                }
                if (!variant.stockedAt(location)) {
                    errors.add(error("ITEM_NOT_STOCKED_AT_LOCATION", field(path, "locationId"),
                            "The specified inventory item is not stocked at the location."));
                    continue;
                }
                if (!seen.add(item + "/" + location)) {
                    errors.add(error("NO_DUPLICATE_INVENTORY_ITEM_ID_GROUPS_ALLOWED", path,
                            "The combination of inventoryItemId and locationId must be unique."));
                    continue;
                }
                if (quantity < 0) {
                    errors.add(error("INVALID_QUANTITY_NEGATIVE", field(path, "quantity"),
                            "The quantity can't be negative."));
                    continue;
                }
                if (quantity > 1_000_000_000) {
                    errors.add(error("INVALID_QUANTITY_TOO_HIGH", field(path, "quantity"),
                            "The quantity can't be higher than 1,000,000,000."));
                    continue;
                }
                int current = variant.quantity(location, name == null ? "available" : name);
                if (changeFrom) {
                    if (!q.containsKey("changeFromQuantity")) {
                        errors.add(error(null, field(path, "changeFromQuantity"),
                                "changeFromQuantity is required; pass null to opt out of the check."));
                        continue;
                    }
                    Object from = q.get("changeFromQuantity");
                    if (from != null && (Integer) from != current) {
                        errors.add(error("CHANGE_FROM_QUANTITY_STALE", field(path, "changeFromQuantity"),
                                "The changeFromQuantity value does not match persisted value."));
                        continue;
                    }
                } else if (!ignoreCompare) {
                    Object compare = q.get("compareQuantity");
                    if (compare == null) {
                        errors.add(error("COMPARE_QUANTITY_REQUIRED", field(path, "compareQuantity"),
                                "The compareQuantity argument must be given to each quantity or ignored using "
                                        + "ignoreCompareQuantity."));
                        continue;
                    }
                    if ((Integer) compare != current) {
                        errors.add(error("COMPARE_QUANTITY_STALE", field(path, "compareQuantity"),
                                "The compareQuantity value does not match persisted value."));
                        continue;
                    }
                }
                changes.add(new Object[]{variant, location, quantity});
            }
            if (!errors.isEmpty()) {
                return payload(null, errors);
            }
            Instant now = store.now();
            List<Map<String, Object>> out = new ArrayList<>();
            for (Object[] c : changes) {
                SimVariant v = (SimVariant) c[0];
                long location = (Long) c[1];
                int delta = v.set(location, name, (Integer) c[2]);
                store.product(v.productNumber()).ifPresent(p -> p.touch(now));
                Map<String, Object> change = new LinkedHashMap<>();
                change.put("name", name);
                change.put("delta", delta);
                change.put("quantityAfterChange", v.quantity(location, name));
                change.put("item", Views.inventoryItem(v));
                change.put("location", Views.location(store.location(location).orElseThrow()));
                out.add(change);
            }
            Map<String, Object> group = new LinkedHashMap<>();
            group.put("id", Gid.of("InventoryAdjustmentGroup", groups.incrementAndGet()));
            group.put("createdAt", now);
            group.put("reason", reason);
            group.put("referenceDocumentUri", input.get("referenceDocumentUri"));
            group.put("changes", out);
            return payload(group, List.of());
        });
    }

    private static List<String> field(List<String> path, String name) {
        List<String> p = new ArrayList<>(path);
        p.add(name);
        return p;
    }

    private static Map<String, Object> error(String code, List<String> field, String message) {
        Map<String, Object> e = new LinkedHashMap<>();
        e.put("code", code);
        e.put("field", field);
        e.put("message", message);
        return e;
    }

    private static Map<String, Object> payload(Map<String, Object> group, List<Map<String, Object>> errors) {
        Map<String, Object> m = new LinkedHashMap<>();
        m.put("inventoryAdjustmentGroup", group);
        m.put("userErrors", errors);
        return m;
    }

    private static String idempotencyKey(DataFetchingEnvironment env) {
        for (Directive d : env.getField().getDirectives("idempotent")) {
            Argument key = d.getArgument("key");
            if (key == null) {
                continue;
            }
            if (key.getValue() instanceof StringValue s) {
                return s.getValue();
            }
            if (key.getValue() instanceof VariableReference ref) {
                Object v = env.getVariables().get(ref.getName());
                return v == null ? null : v.toString();
            }
        }
        return null;
    }
}
