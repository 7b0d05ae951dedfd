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
import org.jboss.logging.Logger;

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
    private static final Logger LOG = Logger.getLogger(OrdersStep.class);

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

    Map<String, String> run(RecordSink sink) {
        Instant until = context.clock().instant().truncatedTo(ChronoUnit.SECONDS);
        Instant from = updatedAtMin(until);
        String search = "updated_at:>='" + from + "' AND updated_at:<='" + until + "'";
        String after = null;
        do {
            Map<String, Object> variables = new HashMap<>();
            variables.put("first", pageSize);
            variables.put("after", after);
            variables.put("query", search);
            variables.put("lines", lines);
            GraphqlAnswer answer = api.query(account, "orders", Queries.ORDERS, variables,
                    Queries.ordersCost(pageSize, lines));
            JsonNode connection = answer.require("/orders");
            JsonNode nodes = connection.path("nodes");
            if (!nodes.isArray()) {
                throw answer.malformed("orders without nodes");
            }
            String lastUpdated = null;
            for (JsonNode order : nodes) {
                try {
                    List<JsonNode> orderLines = lines(order, answer);
                    sink.order(OrderMapper.toOrder(order, orderLines, account.connectionId(), account.tenantId(),
                            account.shopDomain(), account.currencyOverride(), context.syncId(),
                            context.clock().instant()));
                    lastUpdated = order.path("updatedAt").asText(null);
                } catch (IllegalArgumentException | DateTimeParseException e) {
                    throw answer.malformed("an order that cannot be read (" + e.getMessage() + ")");
                }
            }
            sink.pageCompleted(SyncScope.ORDERS);
            if (lastUpdated != null) {
                sink.checkpoint(Map.of(CURSOR, lastUpdated));
            }
            JsonNode pageInfo = connection.path("pageInfo");
            after = pageInfo.path("hasNextPage").asBoolean(false) ? pageInfo.path("endCursor").asText(null) : null;
        } while (after != null);
        return Map.of(CURSOR, until.toString());
    }

    private List<JsonNode> lines(JsonNode order, GraphqlAnswer page) {
        JsonNode lineItems = order.path("lineItems");
        List<JsonNode> all = new ArrayList<>();
        lineItems.path("nodes").forEach(all::add);
        JsonNode pageInfo = lineItems.path("pageInfo");
        String id = order.path("id").asText();
        int first = Queries.orderLinesPageSize(maxCost);
        while (pageInfo.path("hasNextPage").asBoolean(false)) {
            Map<String, Object> variables = new HashMap<>();
            variables.put("id", id);
            variables.put("first", first);
            variables.put("after", pageInfo.path("endCursor").asText(null));
            GraphqlAnswer more = api.query(account, "orderLines", Queries.ORDER_LINES, variables,
                    Queries.orderLinesCost(first));
            JsonNode items = more.require("/order/lineItems");
            items.path("nodes").forEach(all::add);
            pageInfo = items.path("pageInfo");
        }
        if (!lineItems.isObject()) {
            throw page.malformed("an order without lineItems");
        }
        return all;
    }

    private Instant updatedAtMin(Instant until) {
        var cursor = context.cursor(CURSOR);
        if (cursor.isPresent()) {
            try {
                return Instant.parse(cursor.get());
            } catch (DateTimeParseException e) {
                LOG.warnf("connection %s: unreadable orders cursor, falling back to the lookback",
                        account.connectionId());
            }
        }
        return until.minus(context.lookback().duration());
    }
}
