package io.nexusconnect.adapterkit.auth.oauth2;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.ErrorClassifier;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;

/**
 * A token endpoint's error answers (RFC 6749 §5.2: {@code {"error": "...", "error_description": "..."}}) in the terms
 * of the error diagnostics table.
 *
 * <p>{@code invalid_grant} means the refresh token (or authorisation) no longer works: the seller revoked the app, the
 * authorisation expired or was replaced. The seller fixes it by authorising again, which is what TOKEN_EXPIRED's
 * resolution says ("Reconnect"); INVALID_CREDENTIALS would ask to re-enter client id and secret, which is what
 * {@code invalid_client} / {@code unauthorized_client} are about. Throttling and server errors are transient.
 */
public final class OAuth2ErrorClassifier implements ErrorClassifier {
    private final String endpointName;

    public OAuth2ErrorClassifier(String endpointName) {
        this.endpointName = endpointName;
    }

    @Override
    public Classification classify(String operation, MarketplaceResponse response) {
        int status = response.status();
        if (status == 429) {
            return new Classification(ErrorCode.RATE_LIMITED, endpointName + " throttled the token request");
        }
        if (status >= 500) {
            return new Classification(ErrorCode.MARKETPLACE_UNAVAILABLE, endpointName + " answered HTTP " + status);
        }
        OAuthError error = OAuthError.of(response.body());
        String detail = endpointName + ": " + (error.code().isEmpty() ? "HTTP " + status : error.code())
                + (error.description().isEmpty() ? "" : " (" + error.description() + ")");
        return new Classification(codeOf(error.code(), status), detail);
    }

    static ErrorCode codeOf(String error, int status) {
        return switch (error) {
            case "invalid_grant" -> ErrorCode.TOKEN_EXPIRED;
            case "invalid_client", "unauthorized_client", "invalid_request" -> ErrorCode.INVALID_CREDENTIALS;
            case "invalid_scope", "access_denied", "insufficient_scope" -> ErrorCode.SCOPE_MISSING;
            case "temporarily_unavailable", "server_error" -> ErrorCode.MARKETPLACE_UNAVAILABLE;
            // our request names a grant the server does not take: a configuration fault, not the seller's
            case "unsupported_grant_type" -> ErrorCode.INTERNAL;
            default -> status == 400 || status == 401 ? ErrorCode.INVALID_CREDENTIALS
                    : status == 403 ? ErrorCode.SCOPE_MISSING : ErrorCode.INTERNAL;
        };
    }

    /** The error fields, read tolerantly: a body that is not JSON, or errors in another shape, leave them empty. */
    record OAuthError(String code, String description) {
        static OAuthError of(String body) {
            try {
                JsonNode node = Json.mapper().readTree(body);
                if (node != null && node.path("error").isTextual()) {
                    return new OAuthError(node.path("error").asText(""), node.path("error_description").asText(""));
                }
            } catch (Exception notJson) {
                // classified by status alone
            }
            return new OAuthError("", "");
        }
    }
}
