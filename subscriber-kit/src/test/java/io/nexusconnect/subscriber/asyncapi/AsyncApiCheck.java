package io.nexusconnect.subscriber.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.networknt.schema.JsonSchema;
import com.networknt.schema.JsonSchemaFactory;
import com.networknt.schema.SpecVersion;
import com.networknt.schema.ValidationMessage;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.subscriber.PublicTopic;
import io.nexusconnect.subscriber.PublicTopics;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/** {@code docs/asyncapi.yaml} against the AsyncAPI 3.0.0 JSON Schema and against contracts. */
final class AsyncApiCheck {
    static final ObjectMapper YAML = new ObjectMapper(new YAMLFactory());
    private static final JsonSchema ASYNCAPI_3 = loadAsyncApiSchema();

    private AsyncApiCheck() {
    }

    static Path repoRoot() {
        return Path.of(System.getProperty("nexus.repo.root", "..")).toAbsolutePath().normalize();
    }

    static Path document() {
        return repoRoot().resolve("docs/asyncapi.yaml");
    }

    static JsonNode read(Path file) {
        try {
            return YAML.readTree(file.toFile());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** What the AsyncAPI 3.0.0 JSON Schema (the official one, asyncapi/spec-json-schemas) finds wrong. */
    static Set<String> schemaViolations(JsonNode document) {
        return ASYNCAPI_3.validate(document).stream().map(ValidationMessage::getMessage)
                .collect(Collectors.toCollection(TreeSet::new));
    }

    /**
     * Where the document and contracts disagree: a public topic or event type missing, a channel or message nobody
     * publishes, a {@code $ref} that does not resolve, a topic configuration or direction other than the code's.
     */
    static List<String> problems(JsonNode document, Path documentDir) {
        List<String> problems = new ArrayList<>();
        Map<String, Topics.TopicSpec> specs = Topics.all().stream()
                .collect(Collectors.toMap(Topics.TopicSpec::name, spec -> spec));
        Set<String> expectedTopics = PublicTopics.all().stream().map(PublicTopic::name).collect(Collectors.toSet());
        Set<String> usedMessages = new HashSet<>();
        document.path("channels").properties().forEach(channel -> {
            String id = channel.getKey();
            String address = channel.getValue().path("address").asText();
            if (!expectedTopics.contains(address)) {
                problems.add("channel " + id + ": " + address + " is not a public topic (stale entry)");
                return;
            }
            PublicTopic<?> topic = PublicTopics.named(address);
            JsonNode messages = channel.getValue().path("messages");
            Set<String> types = new TreeSet<>();
            messages.forEach(ref -> {
                JsonNode message = resolveInternal(document, ref.path("$ref").asText());
                usedMessages.add(ref.path("$ref").asText());
                types.add(message.path("name").asText());
                String payload = message.path("payload").path("schema").path("$ref").asText();
                if (!payload.endsWith("/" + topic.eventType() + ".json")) {
                    problems.add("channel " + id + ": payload " + payload + " is not the schema of " + topic.eventType());
                }
            });
            if (!types.equals(Set.of(topic.eventType()))) {
                problems.add("channel " + id + ": messages " + types + ", contracts publish " + topic.eventType());
            }
            JsonNode kafka = channel.getValue().path("bindings").path("kafka");
            Topics.TopicSpec spec = specs.get(address);
            if (kafka.path("partitions").asInt() != spec.partitions()) {
                problems.add("channel " + id + ": " + kafka.path("partitions").asInt() + " partitions, the code creates "
                        + spec.partitions());
            }
            Map<String, String> configured = new java.util.HashMap<>();
            kafka.path("topicConfiguration").properties().forEach(setting -> configured.put(setting.getKey(),
                    setting.getValue().isArray()
                            ? String.join(",", YAML.convertValue(setting.getValue(), String[].class))
                            : setting.getValue().asText()));
            if (!configured.equals(spec.configs())) {
                problems.add("channel " + id + ": topicConfiguration " + configured + ", the code creates " + spec.configs());
            }
            expectedTopics.remove(address);
        });
        expectedTopics.forEach(topic -> problems.add("public topic " + topic + " has no channel"));
        document.path("components").path("messages").properties().forEach(message -> {
            if (!usedMessages.contains("#/components/messages/" + message.getKey())) {
                problems.add("message " + message.getKey() + " is on no channel (stale entry)");
            }
        });
        document.path("operations").properties().forEach(operation -> {
            JsonNode channel = resolveInternal(document, operation.getValue().path("channel").path("$ref").asText());
            String address = channel.path("address").asText();
            if (PublicTopics.all().stream().anyMatch(t -> t.name().equals(address))) {
                String expected = PublicTopics.named(address).direction() == PublicTopic.Direction.PUBLISHED ? "send" : "receive";
                if (!expected.equals(operation.getValue().path("action").asText())) {
                    problems.add("operation " + operation.getKey() + ": action " + operation.getValue().path("action").asText()
                            + ", nexus-connect does " + expected + " on " + address);
                }
            }
        });
        refs(document, "", problems, document, documentDir);
        return problems;
    }

    /**
     * The events of contracts that only nexus-connect's own services exchange (commands, sync lifecycle, connection
     * snapshots with sealed credentials, webhooks): not in the document on purpose.
     */
    static final Set<String> PRIVATE_EVENT_TYPES = Set.of("io.nexusconnect.connection-test.requested.v1",
            "io.nexusconnect.connection-test.result.v1", "io.nexusconnect.connection.snapshot.v1",
            "io.nexusconnect.connection.status.v1", "io.nexusconnect.stock.set.v1", "io.nexusconnect.sync.completed.v1",
            "io.nexusconnect.sync.now-requested.v1", "io.nexusconnect.sync.progress.v1", "io.nexusconnect.sync.requested.v1",
            "io.nexusconnect.sync.started.v1", "io.nexusconnect.webhook.received.v1", "io.nexusconnect.webhook.endpoints.v1",
            "io.nexusconnect.webhook.registration-requested.v1");

    /** Event types with a JSON Schema in contracts that are neither public (in the document) nor known to be private. */
    static Set<String> unclassifiedEventTypes(Path schemasDir) {
        Set<String> publicTypes = PublicTopics.all().stream().map(PublicTopic::eventType).collect(Collectors.toSet());
        try (var files = Files.list(schemasDir)) {
            return files.map(file -> file.getFileName().toString().replaceFirst("\\.json$", ""))
                    .filter(type -> !publicTypes.contains(type) && !PRIVATE_EVENT_TYPES.contains(type))
                    .collect(Collectors.toCollection(TreeSet::new));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static void refs(JsonNode node, String at, List<String> problems, JsonNode document, Path documentDir) {
        if (node.isObject()) {
            JsonNode ref = node.get("$ref");
            if (ref != null && ref.isTextual()) {
                String problem = unresolved(ref.asText(), document, documentDir);
                if (problem != null) {
                    problems.add(at + "/$ref " + ref.asText() + ": " + problem);
                }
            }
            node.properties().forEach(e -> refs(e.getValue(), at + "/" + e.getKey(), problems, document, documentDir));
        } else if (node.isArray()) {
            for (int i = 0; i < node.size(); i++) {
                refs(node.get(i), at + "/" + i, problems, document, documentDir);
            }
        }
    }

    /** Why {@code ref} does not resolve, or null when it does (a pointer into the document, or a JSON Schema file). */
    private static String unresolved(String ref, JsonNode document, Path documentDir) {
        if (ref.startsWith("#")) {
            return document.at(ref.substring(1)).isMissingNode() ? "no such node in the document" : null;
        }
        String file = ref.contains("#") ? ref.substring(0, ref.indexOf('#')) : ref;
        Path target = documentDir.resolve(file).normalize();
        if (!Files.isRegularFile(target)) {
            return "no file " + target;
        }
        JsonNode schema = read(target);
        String pointer = ref.contains("#") ? ref.substring(ref.indexOf('#') + 1) : "";
        if (!pointer.isEmpty() && schema.at(pointer).isMissingNode()) {
            return "no " + pointer + " in " + target;
        }
        if (!schema.path("$id").asText().endsWith("/" + target.getFileName())) {
            return target + " is not a published schema ($id " + schema.path("$id").asText() + ")";
        }
        return null;
    }

    private static JsonNode resolveInternal(JsonNode document, String ref) {
        return ref.startsWith("#/") ? document.at(ref.substring(1)) : com.fasterxml.jackson.databind.node.MissingNode.getInstance();
    }

    private static JsonSchema loadAsyncApiSchema() {
        try (InputStream in = AsyncApiCheck.class.getResourceAsStream("/asyncapi/asyncapi-3.0.0.schema.json")) {
            return JsonSchemaFactory.getInstance(SpecVersion.VersionFlag.V7).getSchema(new ObjectMapper().readTree(in));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
