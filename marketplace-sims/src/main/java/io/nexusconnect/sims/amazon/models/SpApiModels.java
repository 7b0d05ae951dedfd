package io.nexusconnect.sims.amazon.models;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.common.http.Json;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The official SP-API models bundled under {@code amazon-models/} (copies of shared/specs/amazon). Rate limits and the
 * sandbox are read from them instead of being retyped, so the simulator follows the files.
 */
public final class SpApiModels {
    public static final List<String> FILES = List.of("ordersV0.json", "listingsItems_2021-08-01.json", "sellers.json",
            "feeds_2021-06-30.json", "reports_2021-06-30.json");
    private static final Set<String> METHODS = Set.of("get", "put", "post", "delete", "patch");
    /** The "| Rate (requests per second) | Burst |" table every operation description carries. */
    private static final Pattern USAGE_PLAN =
            Pattern.compile("Rate \\(requests per second\\)[^\\n]*\\n[^\\n]*\\n\\s*\\|\\s*([0-9.]+)\\s*\\|\\s*([0-9]+)\\s*\\|");

    private final Map<String, ModelOperation> byId;

    private SpApiModels(Map<String, ModelOperation> byId) {
        this.byId = Collections.unmodifiableMap(byId);
    }

    public static SpApiModels load() {
        Map<String, ModelOperation> operations = new LinkedHashMap<>();
        for (String file : FILES) {
            JsonNode model = read(file);
            model.path("paths").fields().forEachRemaining(path -> {
                JsonNode pathItem = path.getValue();
                pathItem.fields().forEachRemaining(entry -> {
                    if (METHODS.contains(entry.getKey())) {
                        ModelOperation op = operation(file, path.getKey(), entry.getKey(), pathItem, entry.getValue());
                        operations.put(op.operationId(), op);
                    }
                });
            });
        }
        return new SpApiModels(operations);
    }

    public Optional<ModelOperation> operation(String operationId) {
        return Optional.ofNullable(byId.get(operationId));
    }

    public ModelOperation require(String operationId) {
        return operation(operationId).orElseThrow(() -> new IllegalStateException("no operation " + operationId));
    }

    public List<ModelOperation> operations() {
        return List.copyOf(byId.values());
    }

    public Optional<ModelOperation.UsagePlan> usagePlan(String operationId) {
        return operation(operationId).flatMap(ModelOperation::usagePlan);
    }

    private static ModelOperation operation(String file, String path, String method, JsonNode pathItem, JsonNode op) {
        Map<String, String> locations = new HashMap<>();
        for (JsonNode params : List.of(pathItem.path("parameters"), op.path("parameters"))) {
            for (JsonNode p : params) {
                locations.put(p.path("name").asText(), p.path("in").asText());
            }
        }
        return new ModelOperation(file, op.path("operationId").asText(), method.toUpperCase(), path,
                Map.copyOf(locations), parseUsagePlan(op.path("description").asText()), examples(op.path("responses")));
    }

    static Optional<ModelOperation.UsagePlan> parseUsagePlan(String description) {
        Matcher m = USAGE_PLAN.matcher(description);
        if (!m.find()) {
            return Optional.empty();
        }
        return Optional.of(new ModelOperation.UsagePlan(Double.parseDouble(m.group(1)), Integer.parseInt(m.group(2))));
    }

    private static List<ModelOperation.SandboxExample> examples(JsonNode responses) {
        List<ModelOperation.SandboxExample> examples = new ArrayList<>();
        responses.fields().forEachRemaining(response -> {
            if (!response.getKey().matches("\\d{3}")) {
                return;
            }
            int status = Integer.parseInt(response.getKey());
            for (JsonNode example : response.getValue().path("x-amzn-api-sandbox").path("static")) {
                Map<String, JsonNode> parameters = new LinkedHashMap<>();
                Iterator<Map.Entry<String, JsonNode>> it = example.path("request").path("parameters").fields();
                while (it.hasNext()) {
                    Map.Entry<String, JsonNode> p = it.next();
                    parameters.put(p.getKey(), p.getValue().has("value") ? p.getValue().get("value") : null);
                }
                examples.add(new ModelOperation.SandboxExample(status, Collections.unmodifiableMap(parameters),
                        example.path("response")));
            }
        });
        return List.copyOf(examples);
    }

    private static JsonNode read(String file) {
        try (InputStream in = SpApiModels.class.getResourceAsStream("/amazon-models/" + file)) {
            if (in == null) {
                throw new IllegalStateException("model file missing from the jar: amazon-models/" + file);
            }
            return Json.MAPPER.readTree(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
