package io.nexusconnect.amazon.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.ErrorClassifier;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.util.Locale;

/**
 * SP-API error answers ({@code {"errors":[{"code","message","details"}]}}) in the terms of the error diagnostics
 * table. 403 is ambiguous on SP-API: an expired or revoked access token ("The access token you provided has expired",
 * "... is revoked, malformed or invalid") is TOKEN_EXPIRED — the kit refreshes the token once and only reports it
 * when the fresh token is refused too — while a valid token without the role for the operation is SCOPE_MISSING.
 */
public final class SpApiErrorClassifier implements ErrorClassifier {

    @Override
    public Classification classify(String operation, MarketplaceResponse response) {
        int status = response.status();
        String code = "";
        String message = "";
        try {
            JsonNode first = Json.mapper().readTree(response.body()).path("errors").path(0);
            code = first.path("code").asText("");
            message = (first.path("message").asText("") + " " + first.path("details").asText("")).trim();
        } catch (Exception notJson) {
            // an HTML error page from a proxy: classified by status alone
        }
        String text = (code + " " + message).toLowerCase(Locale.ROOT);
        String detail = operation + " answered HTTP " + status + (code.isEmpty() ? "" : " " + code)
                + (message.isEmpty() ? "" : ": " + message);
        if (status == 429 || code.equals("QuotaExceeded")) {
            return new Classification(ErrorCode.RATE_LIMITED, detail);
        }
        if (status >= 500) {
            return new Classification(ErrorCode.MARKETPLACE_UNAVAILABLE, detail);
        }
        if (text.contains("suspend") || text.contains("deactivated")) {
            return new Classification(ErrorCode.ACCOUNT_SUSPENDED, detail);
        }
        if (status == 401 || status == 403) {
            boolean tokenProblem = text.contains("access token") || text.contains("expired") || text.contains("revoked")
                    || code.equals("InvalidAccessToken") || code.equals("Unauthenticated");
            return new Classification(tokenProblem ? ErrorCode.TOKEN_EXPIRED : ErrorCode.SCOPE_MISSING, detail);
        }
        // 400 InvalidInput, 404 NotFound: our request was wrong, not the seller's setup
        return new Classification(ErrorCode.INTERNAL, detail);
    }
}
