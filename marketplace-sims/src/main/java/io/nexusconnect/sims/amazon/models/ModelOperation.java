package io.nexusconnect.sims.amazon.models;

import com.fasterxml.jackson.databind.JsonNode;

import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * One operation of a bundled SP-API model file: id, HTTP method, path template ({@code /orders/v0/orders/{orderId}}),
 * where each parameter lives ({@code path|query|header|body}), its usage plan and its static sandbox examples.
 */
public record ModelOperation(String model, String operationId, String method, String pathTemplate,
                             Map<String, String> parameterLocations, Optional<UsagePlan> usagePlan,
                             List<SandboxExample> sandboxExamples) {

    /** The Vert.x route path: {@code {orderId}} becomes {@code :orderId}. */
    public String routePath() {
        return pathTemplate.replaceAll("\\{([^}/]+)}", ":$1");
    }

    /** Default rate (requests per second) and burst of the operation's "Usage Plan" table. */
    public record UsagePlan(double rate, int burst) {
    }

    /**
     * A static example: the request parameters it requires ({@code null} value = present in the example without a
     * value, which constrains nothing) and the response with its HTTP status.
     */
    public record SandboxExample(int status, Map<String, JsonNode> parameters, JsonNode response) {
        public long constrainedParameters() {
            return parameters.values().stream().filter(v -> v != null).count();
        }
    }
}
