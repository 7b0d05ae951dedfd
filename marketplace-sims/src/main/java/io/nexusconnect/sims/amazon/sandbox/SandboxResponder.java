package io.nexusconnect.sims.amazon.sandbox;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.amazon.http.SpApiCall;
import io.nexusconnect.sims.amazon.http.SpApiErrors;
import io.nexusconnect.sims.amazon.http.SpApiHandler;
import io.nexusconnect.sims.amazon.models.ModelOperation.SandboxExample;
import io.nexusconnect.sims.amazon.models.ModelOperation;
import io.nexusconnect.sims.common.http.SimResponse;

import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Amazon's static sandbox: a request gets the response of the {@code x-amzn-api-sandbox.static} example whose
 * {@code request.parameters} it matches; parameters the example does not name are ignored. When several match, the
 * most specific example (most constrained parameters) wins, then the lowest status. No match: 400 as the sandbox
 * answers ("Could not match input arguments").
 */
public final class SandboxResponder {

    public SpApiHandler handler(ModelOperation operation) {
        return call -> respond(operation, call);
    }

    static SimResponse respond(ModelOperation operation, SpApiCall call) {
        Optional<SandboxExample> best = operation.sandboxExamples().stream()
                .filter(example -> matches(operation, example, call))
                .max(Comparator.comparingLong(SandboxExample::constrainedParameters)
                        .thenComparing(SandboxExample::status, Comparator.reverseOrder()));
        return best.map(example -> SimResponse.json(example.status(), example.response()))
                .orElseGet(() -> SpApiErrors.of(400, "InvalidInput", "Could not match input arguments", ""));
    }

    private static boolean matches(ModelOperation operation, SandboxExample example, SpApiCall call) {
        for (Map.Entry<String, JsonNode> parameter : example.parameters().entrySet()) {
            JsonNode expected = parameter.getValue();
            if (expected == null) {
                continue;
            }
            String name = parameter.getKey();
            boolean same = switch (operation.parameterLocations().getOrDefault(name, "query")) {
                case "path" -> scalar(expected, call.path(name));
                case "header" -> scalar(expected, call.headers().get(name));
                case "body" -> sameJson(expected, call.bodyJson());
                default -> expected.isArray() ? list(expected, call.queryList(name))
                        : call.query().getAll(name).size() == 1 && scalar(expected, call.query().get(name));
            };
            if (!same) {
                return false;
            }
        }
        return true;
    }

    private static boolean scalar(JsonNode expected, String actual) {
        return actual != null && expected.isValueNode() && expected.asText().equals(actual);
    }

    private static boolean list(JsonNode expected, List<String> actual) {
        if (expected.size() != actual.size()) {
            return false;
        }
        for (int i = 0; i < actual.size(); i++) {
            if (!expected.get(i).asText().equals(actual.get(i))) {
                return false;
            }
        }
        return true;
    }

    /** JSON equality where 1, 1.0 and 1.00 are the same number. */
    static boolean sameJson(JsonNode expected, JsonNode actual) {
        if (actual == null) {
            return false;
        }
        if (expected.isNumber() && actual.isNumber()) {
            return expected.decimalValue().compareTo(actual.decimalValue()) == 0;
        }
        if (expected.isArray() && actual.isArray()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            for (int i = 0; i < expected.size(); i++) {
                if (!sameJson(expected.get(i), actual.get(i))) {
                    return false;
                }
            }
            return true;
        }
        if (expected.isObject() && actual.isObject()) {
            if (expected.size() != actual.size()) {
                return false;
            }
            Iterator<Map.Entry<String, JsonNode>> fields = expected.fields();
            while (fields.hasNext()) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!sameJson(field.getValue(), actual.get(field.getKey()))) {
                    return false;
                }
            }
            return true;
        }
        return expected.equals(actual);
    }
}
