package io.nexusconnect.amazon.auth;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.ErrorClassifier;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;

/**
 * Login with Amazon's OAuth errors (RFC 6749 §5.2: {@code {"error": "...", "error_description": "..."}}).
 *
 * <p>{@code invalid_grant} means the refresh token no longer works: the seller revoked the app, the authorization
 * expired, or the token was replaced. The seller fixes it by authorizing again, which is what TOKEN_EXPIRED's
 * resolution says ("Reconnect"), so that is its code — not INVALID_CREDENTIALS, which asks to re-enter client id and
 * secret. {@code invalid_client} / {@code unauthorized_client} are about the app's client id and secret.
 */
public final class LwaErrorClassifier implements ErrorClassifier {

    @Override
    public Classification classify(String operation, MarketplaceResponse response) {
        int status = response.status();
        if (status == 429) {
            return new Classification(ErrorCode.RATE_LIMITED, "Login with Amazon throttled the token request");
        }
        if (status >= 500) {
            return new Classification(ErrorCode.MARKETPLACE_UNAVAILABLE, "Login with Amazon answered HTTP " + status);
        }
        String error = "";
        String description = "";
        try {
            JsonNode body = Json.mapper().readTree(response.body());
            if (body != null) {
                error = body.path("error").asText("");
                description = body.path("error_description").asText("");
            }
        } catch (Exception notJson) {
            // classified by status below
        }
        String detail = "Login with Amazon: " + (error.isEmpty() ? "HTTP " + status : error)
                + (description.isEmpty() ? "" : " (" + description + ")");
        ErrorCode code = switch (error) {
            case "invalid_grant" -> ErrorCode.TOKEN_EXPIRED;
            case "invalid_client", "unauthorized_client", "invalid_request" -> ErrorCode.INVALID_CREDENTIALS;
            case "invalid_scope", "access_denied", "insufficient_scope" -> ErrorCode.SCOPE_MISSING;
            default -> status == 401 || status == 400 ? ErrorCode.INVALID_CREDENTIALS : ErrorCode.INTERNAL;
        };
        return new Classification(code, detail);
    }
}
