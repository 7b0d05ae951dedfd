package io.nexusconnect.shopify.sync;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.sync.CycleContext;
import io.nexusconnect.adapterkit.sync.RecordSink;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.shopify.client.AdminApiClient;
import io.nexusconnect.shopify.client.GraphqlAnswer;
import io.nexusconnect.shopify.client.Queries;
import io.nexusconnect.shopify.client.ShopifyAccount;
import io.nexusconnect.shopify.config.ShopifyConfig;
import io.nexusconnect.shopify.mapping.OrderMapper;
import io.nexusconnect.adapterkit.paging.Cursors;
import io.nexusconnect.adapterkit.paging.Page;
import io.nexusconnect.adapterkit.paging.PageShapes;
import io.nexusconnect.adapterkit.paging.Paging;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Orders with {@code updated_at} in [cursor or now − lookback, now], oldest change first ({@code sortKey: UPDATED_AT}),
 * page by page to the end through {@code pageInfo.endCursor}; an order with more lines than fit in the page gets
 * the rest through {@code order(id:)}. After every page the step checkpoints the last {@code updatedAt} it published,
 * so a backfill that stops continues there. The next cursor is the window's end.
 */
final class OrdersStep {
    static final String CURSOR = "orders.updatedAtMin";

    private final AdminApiClient api;
    private final CycleContext context;
    private final ShopifyAccount account;
    private final int lines;
    private final int pageSize;
    private final int maxCost;

    OrdersStep(AdminApiClient api, CycleContext context, ShopifyAccount account, ShopifyConfig config) {
        this.api = api;
        this.context = context;
        this.account = account;
        this.maxCost = config.cost().maxSingleQueryCost();
        this.lines = Math.max(1, Math.min(Queries.MAX_PAGE, config.orders().linesPerOrder()));
        this.pageSize = Queries.ordersPageSize(lines, maxCost);
    }

    /** One order node of a page, with the answer it came in (for malformed-response errors). */
    private record OrderNode(JsonNode order, GraphqlAnswer answer) {
    }

    Map<String, String> run(RecordSink sink) {
        Instant until = context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = Cursors.instantOr(context, CURSOR, until.minus(context.lookback().duration()));
        String search = "updated_at:>='" + from + "' AND updated_at:<='" + until + "'";
        Paging.tokens().forEach(request -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", pageSize);
            variables.put("after", request.token());
            variables.put("query", search);
            variables.put("lines", lines);
            GraphqlAnswer answer = api.query(account, "orders", Queries.ORDERS, variables,
                    Queries.ordersCost(pageSize, lines));
            JsonNode connection = answer.require("/orders");
            if (!connection.path("nodes").isArray()) {
                throw answer.malformed("orders without nodes");
            }
            List<OrderNode> orders = new ArrayList<>();
            connection.path("nodes").forEach(order -> orders.add(new OrderNode(order, answer)));
            return Page.of(orders, PageShapes.graphQlEndCursor(connection));
        }, page -> publish(sink, page.items()));
        return Map.of(CURSOR, until.toString());
    }

    private void publish(RecordSink sink, List<OrderNode> orders) {
        String lastUpdated = null;
        for (OrderNode node : orders) {
            try {
                List<JsonNode> orderLines = lines(node.order(), node.answer());
                sink.order(OrderMapper.toOrder(node.order(), orderLines, account.connectionId(), account.tenantId(),
                        account.shopDomain(), account.currencyOverride(), context.syncId(),
                        context.clock().instant()));
                lastUpdated = node.order().path("updatedAt").asText(null);
            } catch (IllegalArgumentException | DateTimeParseException e) {
                throw node.answer().malformed("an order that cannot be read (" + e.getMessage() + ")");
            }
        }
        sink.pageCompleted(SyncScope.ORDERS);
        if (lastUpdated != null) {
            sink.checkpoint(Map.of(CURSOR, lastUpdated));
        }
    }

    private List<JsonNode> lines(JsonNode order, GraphqlAnswer source) {
        JsonNode lineItems = order.path("lineItems");
        if (!lineItems.isObject()) {
            throw source.malformed("an order without lineItems");
        }
        List<JsonNode> all = new ArrayList<>();
        lineItems.path("nodes").forEach(all::add);
        String more = PageShapes.graphQlEndCursor(lineItems);
        if (more == null) {
            return all;
        }
        int first = Queries.orderLinesPageSize(maxCost);
        Paging.tokens().from(more).forEach(request -> {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", order.path("id").asText());
            variables.put("first", first);
            variables.put("after", request.token());
            GraphqlAnswer answer = api.query(account, "orderLines", Queries.ORDER_LINES, variables,
                    Queries.orderLinesCost(first));
            JsonNode items = answer.require("/order/lineItems");
            List<JsonNode> nodes = new ArrayList<>();
            items.path("nodes").forEach(nodes::add);
            return Page.of(nodes, PageShapes.graphQlEndCursor(items));
        }, page -> all.addAll(page.items()));
        return all;
    }
}
