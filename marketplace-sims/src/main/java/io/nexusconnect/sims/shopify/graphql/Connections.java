package io.nexusconnect.sims.shopify.graphql;

import graphql.GraphQLException;
import graphql.schema.DataFetchingEnvironment;

import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * Relay connections (https://shopify.dev/docs/api/usage/pagination-graphql): {@code first} (at most 250) and
 * {@code after}; cursors are opaque (base64 of the item's sort key). In a bulk operation every item is returned.
 */
public final class Connections {
    public static final int MAX_PAGE = 250;
    static final String BULK = "bulk";

    private Connections() {
    }

    /** A page of {@code sorted} (ascending by {@code sortKey}) after the request's cursor. */
    public static <T> Map<String, Object> page(DataFetchingEnvironment env, List<T> sorted,
                                               Function<T, String> sortKey, Function<T, Object> view) {
        boolean bulk = Boolean.TRUE.equals(env.getGraphQlContext().get(BULK));
        Integer first = env.getArgument("first");
        String after = env.getArgument("after");
        if (!bulk) {
            if (first == null) {
                throw new GraphQLException("you must provide one of first or last");
            }
            if (first > MAX_PAGE || first < 0) {
                throw new GraphQLException("The first argument must be between 0 and " + MAX_PAGE + ".");
            }
        }
        String afterKey = after == null ? null : decode(after);
        int limit = bulk ? Integer.MAX_VALUE : first;
        List<Map<String, Object>> edges = new ArrayList<>();
        List<Object> nodes = new ArrayList<>();
        boolean more = false;
        for (T item : sorted) {
            String key = sortKey.apply(item);
            if (afterKey != null && key.compareTo(afterKey) <= 0) {
                continue;
            }
            if (nodes.size() == limit) {
                more = true;
                break;
            }
            Object node = view.apply(item);
            nodes.add(node);
            Map<String, Object> edge = new LinkedHashMap<>();
            edge.put("cursor", encode(key));
            edge.put("node", node);
            edges.add(edge);
        }
        Map<String, Object> pageInfo = new LinkedHashMap<>();
        pageInfo.put("hasNextPage", more);
        pageInfo.put("hasPreviousPage", afterKey != null);
        pageInfo.put("startCursor", edges.isEmpty() ? null : edges.getFirst().get("cursor"));
        pageInfo.put("endCursor", edges.isEmpty() ? null : edges.getLast().get("cursor"));
        Map<String, Object> connection = new LinkedHashMap<>();
        connection.put("edges", edges);
        connection.put("nodes", nodes);
        connection.put("pageInfo", pageInfo);
        return connection;
    }

    static String encode(String key) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(key.getBytes(StandardCharsets.UTF_8));
    }

    static String decode(String cursor) {
        try {
            return new String(Base64.getUrlDecoder().decode(cursor), StandardCharsets.UTF_8);
        } catch (IllegalArgumentException e) {
            throw new GraphQLException("Invalid cursor for current pagination sort.");
        }
    }

    /** A sort key that orders numbers correctly as strings. */
    public static String number(long n) {
        return String.format("%019d", n);
    }
}
