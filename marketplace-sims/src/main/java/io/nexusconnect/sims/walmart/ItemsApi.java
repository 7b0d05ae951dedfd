package io.nexusconnect.sims.walmart;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;

import java.util.List;

/**
 * {@code GET /v3/items} (items.json getAllItems): {@code ItemResponse[]} with publishedStatus and
 * unpublishedReasons, {@code totalItems}, and {@code nextCursor} (start with {@code *}, follow what comes back).
 */
final class ItemsApi {
    private final WalmartStore store;

    ItemsApi(WalmartStore store) {
        this.store = store;
    }

    SimResponse getAll(WalmartCall call) {
        int limit = call.query("limit") == null ? 20 : Integer.parseInt(call.query("limit"));
        String cursor = call.query("nextCursor");
        int offset = cursor == null || cursor.equals("*") ? 0 : Integer.parseInt(cursor.substring(1));
        List<WalmartStore.Item> all = store.items();
        List<WalmartStore.Item> page = all.subList(Math.min(offset, all.size()),
                Math.min(all.size(), offset + Math.max(1, limit)));
        ObjectNode body = Json.object();
        ArrayNode items = body.putArray("ItemResponse");
        for (WalmartStore.Item item : page) {
            ObjectNode i = items.addObject().put("mart", "WALMART_US").put("sku", item.sku)
                    .put("productName", item.productName).put("publishedStatus", item.publishedStatus)
                    .put("lifecycleStatus", "ACTIVE");
            i.putObject("price").put("currency", "USD").put("amount", item.price);
            if (!item.unpublishedReasons.isEmpty()) {
                ArrayNode reasons = i.putObject("unpublishedReasons").putArray("reason");
                item.unpublishedReasons.forEach(reasons::add);
            }
        }
        body.put("totalItems", all.size());
        int next = offset + page.size();
        if (next < all.size()) {
            body.put("nextCursor", "c" + next);
        }
        return SimResponse.json(200, body);
    }
}
