package io.nexusconnect.walmart.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.ErrorClassifier;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.util.Locale;

/**
 * Walmart's error answers ({@code {"errors":{"error":[{code, description, ...}]}}} live, a bare {@code errors} array
 * in the spec's {@code GatewayError} list; both read) in the kit's codes: 401 TOKEN_EXPIRED (the kit fetches a new
 * token once and reports it only when that is refused too), 403 SCOPE_MISSING unless Walmart speaks of a suspended
 * account, 429 RATE_LIMITED, 5xx MARKETPLACE_UNAVAILABLE, any other 4xx INTERNAL with Walmart's code and description.
 */
public final class WalmartErrorClassifier implements ErrorClassifier {

    @Override
    public Classification classify(String operation, MarketplaceResponse response) {
        int status = response.status();
        WalmartError error = WalmartError.first(response.body());
        String detail = operation + " answered HTTP " + status + error.describe();
        if (status == 429) {
            return new Classification(ErrorCode.RATE_LIMITED, detail);
        }
        if (status >= 500) {
            return new Classification(ErrorCode.MARKETPLACE_UNAVAILABLE, detail);
        }
        String text = (error.code() + " " + error.description()).toLowerCase(Locale.ROOT);
        if (text.contains("suspend") || text.contains("deactivat")) {
            return new Classification(ErrorCode.ACCOUNT_SUSPENDED, detail);
        }
        if (status == 401) {
            return new Classification(ErrorCode.TOKEN_EXPIRED, detail);
        }
        if (status == 403) {
            return new Classification(ErrorCode.SCOPE_MISSING, detail);
        }
        return new Classification(ErrorCode.INTERNAL, detail);
    }

    /** The first error of an answer, read tolerantly: a body of another shape leaves the fields empty. */
    public record WalmartError(String code, String description) {
        public static WalmartError first(String body) {
            try {
                JsonNode errors = Json.mapper().readTree(body).path("errors");
                JsonNode first = errors.isArray() ? errors.path(0) : errors.path("error").path(0);
                return new WalmartError(first.path("code").asText(""), first.path("description").asText(""));
            } catch (Exception notJson) {
                return new WalmartError("", "");
            }
        }

        String describe() {
            return code.isEmpty() && description.isEmpty() ? "" : " (" + code + ": " + description + ")";
        }
    }
}
