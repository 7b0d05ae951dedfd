package io.nexusconnect.zalando.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.ErrorClassifier;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.util.Locale;

/**
 * zDirect's answers (problem JSON {@code {title, status, detail}}, or OAuth's {@code {error, error_description}} from
 * the token endpoint) in the kit's codes: 401 TOKEN_EXPIRED (the kit fetches a new token once, and reports it only
 * when that is refused too), 403 SCOPE_MISSING unless zDirect speaks of an inactive account, 429 RATE_LIMITED (with
 * Retry-After), 5xx MARKETPLACE_UNAVAILABLE, any other 4xx INTERNAL with zDirect's title and detail.
 */
public final class ZalandoErrorClassifier implements ErrorClassifier {

    @Override
    public Classification classify(String operation, MarketplaceResponse response) {
        int status = response.status();
        Problem problem = Problem.of(response.body());
        String detail = operation + " answered HTTP " + status + problem.describe();
        if (status == 429) {
            return new Classification(ErrorCode.RATE_LIMITED, detail);
        }
        if (status >= 500) {
            return new Classification(ErrorCode.MARKETPLACE_UNAVAILABLE, detail);
        }
        String text = (problem.title() + " " + problem.detail()).toLowerCase(Locale.ROOT);
        if (text.contains("suspend") || text.contains("not active") || text.contains("deactivat")) {
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

    /** An error body read tolerantly: a body of another shape leaves the fields empty. */
    public record Problem(String title, String detail) {
        public static Problem of(String body) {
            try {
                JsonNode json = Json.mapper().readTree(body);
                return new Problem(json.path("title").asText(json.path("error").asText("")),
                        json.path("detail").asText(json.path("error_description").asText("")));
            } catch (Exception notJson) {
                return new Problem("", "");
            }
        }

        String describe() {
            return title.isEmpty() && detail.isEmpty() ? "" : " (" + title + ": " + detail + ")";
        }
    }
}
