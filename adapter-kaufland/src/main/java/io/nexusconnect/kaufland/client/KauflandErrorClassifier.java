package io.nexusconnect.kaufland.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.ErrorClassifier;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;

/**
 * Kaufland's {@code ErrorResponse} ({@code type} from the spec's ProblemType enum, {@code message}, {@code errors})
 * in nexus terms: 429 RATE_LIMITED (no Retry-After is documented; the kit backs off exponentially); 5xx
 * MARKETPLACE_UNAVAILABLE; a refused {@code Shop-Timestamp} is this host's clock being off — INTERNAL with that
 * explanation, retried, since Kaufland would accept the same keys from a synchronised clock; invalid credentials and
 * corrupted signatures INVALID_CREDENTIALS (the keys are wrong: a signature over the right keys cannot be corrupt);
 * an inactive account ACCOUNT_SUSPENDED; a storefront the seller has not configured INVALID_CREDENTIALS; any other
 * 4xx is our request's fault: INTERNAL with Kaufland's text.
 */
public final class KauflandErrorClassifier implements ErrorClassifier {
    public static final String CLOCK_SKEW_EXPLANATION = "Kaufland refused the request timestamp: this host's clock "
            + "differs from Kaufland's by more than the accepted window; synchronise the clock (NTP)";

    @Override
    public Classification classify(String operation, MarketplaceResponse response) {
        int status = response.status();
        Problem problem = Problem.of(response.body());
        String detail = operation + " answered HTTP " + status + problem.describe();
        if (status == 429) {
            return new Classification(ErrorCode.RATE_LIMITED, operation + ": Kaufland's per-seller request rate is "
                    + "used up" + problem.describe());
        }
        if (status >= 500) {
            return new Classification(ErrorCode.MARKETPLACE_UNAVAILABLE, detail);
        }
        if (problem.isClockSkew()) {
            return new Classification(ErrorCode.INTERNAL, CLOCK_SKEW_EXPLANATION + " (" + detail + ")");
        }
        return switch (problem.type()) {
            case "/problems/invalid-credentials", "/problems/corrupted-signature", "/problems/unauthorized" ->
                    new Classification(ErrorCode.INVALID_CREDENTIALS, "Kaufland refused the client key or secret key ("
                            + detail + ")");
            case "/problems/inactive-account" -> new Classification(ErrorCode.ACCOUNT_SUSPENDED, detail);
            case "/problems/storefront-not-configured" -> new Classification(ErrorCode.INVALID_CREDENTIALS,
                    "the seller has not configured this storefront on Kaufland (" + detail + ")");
            default -> status == 401 ? new Classification(ErrorCode.INVALID_CREDENTIALS, detail)
                    : new Classification(ErrorCode.INTERNAL, detail);
        };
    }

    /** An ErrorResponse read tolerantly: a body of another shape leaves the fields empty. */
    record Problem(String type, String message, String field, String fieldMessage) {
        static Problem of(String body) {
            try {
                JsonNode node = Json.mapper().readTree(body == null ? "" : body);
                JsonNode first = node.path("errors").path(0);
                return new Problem(node.path("type").asText(""), node.path("message").asText(""),
                        first.path("field").asText(""), first.path("message").asText(""));
            } catch (Exception notJson) {
                return new Problem("", "", "", "");
            }
        }

        boolean isClockSkew() {
            return "Shop-Timestamp".equalsIgnoreCase(field) && !fieldMessage.contains("required");
        }

        String describe() {
            if (type.isEmpty() && message.isEmpty()) {
                return "";
            }
            return " (" + (type.isEmpty() ? "" : type + ": ") + message
                    + (field.isEmpty() ? "" : "; " + field + ": " + fieldMessage) + ")";
        }
    }
}
