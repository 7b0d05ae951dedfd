package io.nexusconnect.shopify.client;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.ErrorClassifier;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;

/**
 * Admin API HTTP errors (https://shopify.dev/docs/api/usage/response-codes) in the terms of the error diagnostics:
 * 401 (wrong or revoked access token — Admin API tokens do not expire, so a new token must be entered) is
 * invalid_credentials; 402 (shop frozen for unpaid bills) and 423 (shop locked) are account_suspended; 403 (scope not
 * granted) is scope_missing; 404 (no such shop) invalid_credentials; 429 rate_limited; 5xx marketplace_unavailable.
 * GraphQL-level errors in a 200 answer are classified by {@link AdminApiClient}.
 */
public final class ShopifyErrorClassifier implements ErrorClassifier {

    @Override
    public Classification classify(String operation, MarketplaceResponse response) {
        int status = response.status();
        String message = "";
        try {
            var errors = Json.mapper().readTree(response.body()).path("errors");
            message = errors.isTextual() ? errors.asText() : errors.isMissingNode() ? "" : errors.toString();
        } catch (Exception notJson) {
            // an HTML page from Shopify's edge: classified by status alone
        }
        String detail = operation + " answered HTTP " + status + (message.isEmpty() ? "" : ": " + message);
        ErrorCode code = switch (status) {
            case 401, 404 -> ErrorCode.INVALID_CREDENTIALS;
            case 402, 423 -> ErrorCode.ACCOUNT_SUSPENDED;
            case 403 -> ErrorCode.SCOPE_MISSING;
            case 429 -> ErrorCode.RATE_LIMITED;
            default -> status >= 500 ? ErrorCode.MARKETPLACE_UNAVAILABLE : ErrorCode.INTERNAL;
        };
        return new Classification(code, detail);
    }
}
