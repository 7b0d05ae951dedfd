package io.nexusconnect.sims.amazon.orders;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.amazon.http.OpaqueToken;
import io.nexusconnect.sims.amazon.http.SpApiCall;
import io.nexusconnect.sims.amazon.http.SpApiErrors;
import io.nexusconnect.sims.amazon.http.SpApiException;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.amazon.model.SimOrderItem;
import io.nexusconnect.sims.amazon.state.SellerStore;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

import java.time.Duration;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Pattern;

/** Orders API v0 ({@code ordersV0.json}): getOrders, getOrder, getOrderItems of the calling seller. */
public final class OrdersApi {
    private static final Pattern ORDER_ID = Pattern.compile("\\d{3}-\\d{7}-\\d{7}");

    private final Function<String, SellerStore> stores;
    private final Duration lag;
    private final int itemsPageSize;

    /**
     * @param stores        selling partner id to its data
     * @param lag           how far before now the *Before bounds must lie (2 minutes on Amazon)
     * @param itemsPageSize order items per getOrderItems page
     */
    public OrdersApi(Function<String, SellerStore> stores, Duration lag, int itemsPageSize) {
        this.stores = stores;
        this.lag = lag;
        this.itemsPageSize = itemsPageSize;
    }

    /** {@code GET /orders/v0/orders}. */
    public SimResponse getOrders(SpApiCall call) {
        GetOrdersQuery query = GetOrdersQuery.parse(call, lag);
        for (String marketplaceId : query.marketplaceIds()) {
            if (!marketplaceId.equals(call.seller().marketplaceId())) {
                throw SpApiException.invalidInput("Invalid MarketplaceIds: the seller does not participate in "
                        + marketplaceId + ".");
            }
        }
        SellerStore store = stores.apply(call.seller().sellingPartnerId());
        SellerStore.OrderSlice slice = store.scan(query.byLastUpdate(), query.after(), query.before(),
                query.position(), query.filter(), query.pageSize());
        ObjectNode payload = Json.object();
        ArrayNode orders = payload.putArray("Orders");
        slice.orders().forEach(o -> orders.add(OrderJson.order(o)));
        if (slice.more()) {
            payload.put("NextToken", query.nextToken(slice.orders().getLast()));
        }
        payload.put(query.byLastUpdate() ? "LastUpdatedBefore" : "CreatedBefore", Json.time(query.before()));
        ObjectNode body = Json.object();
        body.set("payload", payload);
        return SimResponse.json(200, body);
    }

    /** {@code GET /orders/v0/orders/{orderId}}. */
    public SimResponse getOrder(SpApiCall call) {
        SimOrder order = order(call);
        ObjectNode body = Json.object();
        body.set("payload", OrderJson.order(order));
        return SimResponse.json(200, body);
    }

    /** {@code GET /orders/v0/orders/{orderId}/orderItems}, paged by NextToken. */
    public SimResponse getOrderItems(SpApiCall call) {
        SimOrder order = order(call);
        int offset = 0;
        String nextToken = call.query("NextToken");
        if (nextToken != null) {
            ObjectNode token = OpaqueToken.decode(nextToken);
            if (token == null || !order.amazonOrderId().equals(token.path("o").asText())) {
                throw SpApiException.invalidInput("Invalid NextToken.");
            }
            offset = token.path("i").asInt();
        }
        List<SimOrderItem> items = order.items();
        int end = Math.min(items.size(), offset + itemsPageSize);
        ObjectNode payload = Json.object();
        ArrayNode list = payload.putArray("OrderItems");
        for (SimOrderItem item : items.subList(Math.min(offset, end), end)) {
            list.add(OrderJson.item(order, item));
        }
        if (end < items.size()) {
            payload.put("NextToken", OpaqueToken.encode(Json.object().put("o", order.amazonOrderId()).put("i", end)));
        }
        payload.put("AmazonOrderId", order.amazonOrderId());
        ObjectNode body = Json.object();
        body.set("payload", payload);
        return SimResponse.json(200, body);
    }

    private SimOrder order(SpApiCall call) {
        String orderId = call.path("orderId");
        if (orderId == null || !ORDER_ID.matcher(orderId).matches()) {
            throw SpApiException.invalidInput("Invalid orderId: an AmazonOrderId has the 3-7-7 format.");
        }
        return stores.apply(call.seller().sellingPartnerId()).order(orderId).orElseThrow(() ->
                new SpApiException(SpApiErrors.notFound("NotFound", "The resource specified does not exist.")));
    }
}
