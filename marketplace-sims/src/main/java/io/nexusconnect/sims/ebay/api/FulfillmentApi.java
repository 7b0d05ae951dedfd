package io.nexusconnect.sims.ebay.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.ebay.EbayApi;
import io.nexusconnect.sims.ebay.EbayStore;
import io.nexusconnect.sims.ebay.http.EbayCall;
import io.nexusconnect.sims.ebay.http.EbayErrors;
import io.nexusconnect.sims.ebay.model.EbayOrder;

import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.List;

/** Fulfillment API v1: getOrders (filter, limit ≤ 200, offset) and getOrder. */
public final class FulfillmentApi {
    public static final String BASE_PATH = "/sell/fulfillment/v1";
    private final EbayStore store;

    public FulfillmentApi(EbayStore store) {
        this.store = store;
    }

    public SimResponse getOrders(EbayCall call) {
        boolean taxBreakdown = "TAX_BREAKDOWN".equals(call.query("fieldGroups"));
        String orderIds = call.query("orderIds");
        if (orderIds != null) {
            List<String> ids = Arrays.stream(orderIds.split(",")).map(String::trim).filter(s -> !s.isEmpty()).toList();
            if (ids.size() > 50) {
                throw OrderFilter.error(30900, "Exceeded maximum number of order IDs (the current limit is 50)",
                        "orderIds", orderIds);
            }
            List<EbayOrder> found = store.orders().stream().filter(o -> ids.contains(o.orderId())).toList();
            return page(call, found, found.size(), 0, found.size(), taxBreakdown, null);
        }
        int limit = number(call.query("limit"), 50, 1, 200, 31100, "Invalid limit: ", "limit");
        int offset = number(call.query("offset"), 0, 0, Integer.MAX_VALUE, 31000, "Invalid offset: ", "offset");
        String filter = call.query("filter");
        OrderFilter parsed = OrderFilter.parse(filter, call.now());
        List<EbayOrder> matching = store.orders().stream().filter(parsed.predicate()).toList();
        int from = Math.min(offset, matching.size());
        int to = Math.min(matching.size(), from + limit);
        return page(call, matching.subList(from, to), matching.size(), offset, limit, taxBreakdown, filter);
    }

    public SimResponse getOrder(EbayCall call) {
        boolean taxBreakdown = "TAX_BREAKDOWN".equals(call.query("fieldGroups"));
        return store.order(call.path("orderId"))
                .map(o -> SimResponse.json(200, OrderJson.order(o, taxBreakdown)))
                .orElseGet(() -> EbayErrors.notFound(EbayApi.FULFILLMENT, 32100, "Invalid order ID: "
                        + call.path("orderId")));
    }

    private static SimResponse page(EbayCall call, List<EbayOrder> orders, int total, int offset, int limit,
                                    boolean taxBreakdown, String filter) {
        ObjectNode body = Json.object().put("href", href(call, filter, limit, offset, taxBreakdown))
                .put("total", total).put("limit", limit).put("offset", offset);
        if (offset + limit < total) {
            body.put("next", href(call, filter, limit, offset + limit, taxBreakdown));
        }
        if (offset > 0) {
            body.put("prev", href(call, filter, limit, Math.max(0, offset - limit), taxBreakdown));
        }
        ArrayNode list = body.putArray("orders");
        orders.forEach(o -> list.add(OrderJson.order(o, taxBreakdown)));
        return SimResponse.json(200, body);
    }

    private static String href(EbayCall call, String filter, int limit, int offset, boolean taxBreakdown) {
        StringBuilder href = new StringBuilder(call.baseUrl()).append(BASE_PATH).append("/order?");
        if (filter != null) {
            href.append("filter=").append(URLEncoder.encode(filter, StandardCharsets.UTF_8)).append('&');
        }
        if (taxBreakdown) {
            href.append("fieldGroups=TAX_BREAKDOWN&");
        }
        return href.append("limit=").append(limit).append("&offset=").append(offset).toString();
    }

    static int number(String text, int fallback, int min, int max, long errorId, String message, String name) {
        return QueryNumbers.within(text, fallback, min, max)
                .orElseThrow(() -> OrderFilter.error(errorId, message + text, name, text));
    }
}
