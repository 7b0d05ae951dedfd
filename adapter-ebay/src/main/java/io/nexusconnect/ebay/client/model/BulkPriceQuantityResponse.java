package io.nexusconnect.ebay.client.model;

import java.util.List;

/** bulkUpdatePriceQuantity's answer: one {@code PriceQuantityResponse} per inventory item or offer. */
public record BulkPriceQuantityResponse(List<ItemResponse> responses) {

    public record ItemResponse(String sku, String offerId, Integer statusCode, List<Error> errors) {
    }

    public record Error(Long errorId, String message, String longMessage) {
    }
}
