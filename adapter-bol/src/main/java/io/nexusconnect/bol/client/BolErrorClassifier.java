package io.nexusconnect.bol.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.ErrorClassifier;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.util.Locale;

/**
 * bol's {@code Problem} answers ({@code type, title, status, detail, violations}) in the kit's codes: 401
 * TOKEN_EXPIRED (the kit fetches a new token once), 403 SCOPE_MISSING unless bol speaks of an inactive or suspended
 * account, 429 RATE_LIMITED, 5xx MARKETPLACE_UNAVAILABLE, 406 and any other 4xx INTERNAL with bol's title and detail.
 */
public final class BolErrorClassifier implements ErrorClassifier {

    @Override
    public Classification classify(String operation, MarketplaceResponse response) {
        int status = response.status();
        Problem problem = Problem.of(response.body());
        String detail = operation + " answered HTTP " + status + problem.describe();
        String text = problem.detail().toLowerCase(Locale.ROOT);
        if (status == 429) {
            return new Classification(ErrorCode.RATE_LIMITED, detail);
        }
        if (status >= 500) {
            return new Classification(ErrorCode.MARKETPLACE_UNAVAILABLE, detail);
        }
        if (status == 403 && (text.contains("not active") || text.contains("suspend"))) {
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

    /** A Problem read tolerantly: another shape leaves the fields empty. */
    public record Problem(String title, String detail) {
        public static Problem of(String body) {
            try {
                JsonNode node = Json.mapper().readTree(body);
                return new Problem(node.path("title").asText(""), node.path("detail").asText(""));
            } catch (Exception notJson) {
                return new Problem("", "");
            }
        }

        String describe() {
            return title.isEmpty() && detail.isEmpty() ? "" : " (" + title + ": " + detail + ")";
        }
    }
}
