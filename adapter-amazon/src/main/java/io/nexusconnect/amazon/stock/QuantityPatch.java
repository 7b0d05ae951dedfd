package io.nexusconnect.amazon.stock;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.amazon.mapping.ListingMapper;
import io.nexusconnect.contracts.kafka.Json;

/**
 * The {@code ListingsItemPatchRequest} that sets the merchant-fulfilled quantity of one SKU:
 * {@code {"productType": …, "patches": [{"op": "merge", "path": "/attributes/fulfillment_availability",
 * "value": [{"fulfillment_channel_code": "DEFAULT", "quantity": N}]}]}}.
 *
 * <p>{@code merge}, not {@code replace}: replace sets the whole attribute, so it would drop what the seller keeps
 * there besides the quantity ({@code lead_time_to_ship_max_days}, {@code restock_date}) and any other channel entry;
 * merge (SP-API, 2025-06-16) updates the DEFAULT entry's quantity only (reference §1.2).
 */
final class QuantityPatch {
    static final String ATTRIBUTE = "fulfillment_availability";

    private QuantityPatch() {
    }

    static String body(String productType, int quantity) {
        return into(Json.mapper().createObjectNode(), productType, quantity).toString();
    }

    /**
     * Writes {@code productType} and {@code patches} into {@code target}: the PATCH request body, or a PATCH message of
     * a listings feed (which has the same two fields beside messageId, sku and operationType).
     */
    static ObjectNode into(ObjectNode target, String productType, int quantity) {
        target.put("productType", productType);
        ObjectNode patch = target.putArray("patches").addObject()
                .put("op", "merge")
                .put("path", "/attributes/" + ATTRIBUTE);
        patch.putArray("value").addObject()
                .put("fulfillment_channel_code", ListingMapper.MERCHANT_FULFILLED)
                .put("quantity", quantity);
        return target;
    }
}
