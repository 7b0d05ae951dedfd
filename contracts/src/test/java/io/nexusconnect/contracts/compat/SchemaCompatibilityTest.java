package io.nexusconnect.contracts.compat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Properties;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * The released contract (a copy under {@code src/test/resources/released/}) against the current one: a subscriber
 * that has not been redeployed must still read what is published. Each kind of breaking change is shown caught on a
 * modified copy, and shown allowed once the event's major version and its topic's version change with it.
 */
class SchemaCompatibilityTest {
    private static final SchemaCompatibility.Catalog RELEASED = released();
    private static final Map<String, String> EVENT_TOPICS = eventTopics();

    private static SchemaCompatibility.Catalog released() {
        try {
            Path dir = Path.of(SchemaCompatibilityTest.class.getResource("/released/schemas").toURI());
            Map<String, JsonNode> schemas = new TreeMap<>();
            try (Stream<Path> files = Files.list(dir)) {
                for (Path file : files.toList()) {
                    schemas.put(file.getFileName().toString().replace(".json", ""), Json.mapper().readTree(file.toFile()));
                }
            }
            Path topics = Path.of(SchemaCompatibilityTest.class.getResource("/released/topics.txt").toURI());
            return new SchemaCompatibility.Catalog(schemas, new LinkedHashSet<>(Files.readAllLines(topics)));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (URISyntaxException e) {
            throw new IllegalStateException(e);
        }
    }

    /** The contract as this build publishes it: the schemas on the classpath and every topic that is not a DLQ. */
    private static SchemaCompatibility.Catalog current() {
        Map<String, JsonNode> schemas = new TreeMap<>();
        for (String type : RELEASED.schemas().keySet()) {
            try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream("/schemas/" + type + ".json")) {
                if (in != null) {
                    schemas.put(type, Json.mapper().readTree(in));
                }
            } catch (IOException e) {
                throw new UncheckedIOException(e);
            }
        }
        Set<String> topics = Topics.all().stream().map(Topics.TopicSpec::name)
                .filter(name -> !name.endsWith(Topics.DLQ_SUFFIX)).collect(Collectors.toCollection(LinkedHashSet::new));
        return new SchemaCompatibility.Catalog(schemas, topics);
    }

    private static Map<String, String> eventTopics() {
        Properties properties = new Properties();
        try (InputStream in = SchemaCompatibilityTest.class.getResourceAsStream("/released/event-topics.properties")) {
            properties.load(new java.io.InputStreamReader(in, StandardCharsets.UTF_8));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Map<String, String> map = new HashMap<>();
        properties.forEach((k, v) -> map.put((String) k, (String) v));
        return map;
    }

    /** A copy of the released catalog with one schema changed by {@code change}. */
    private static SchemaCompatibility.Catalog withChange(String type, java.util.function.Consumer<ObjectNode> change) {
        Map<String, JsonNode> schemas = new TreeMap<>(RELEASED.schemas());
        ObjectNode copy = schemas.get(type).deepCopy();
        change.accept(copy);
        schemas.put(type, copy);
        return new SchemaCompatibility.Catalog(schemas, RELEASED.topics());
    }

    private static List<String> check(SchemaCompatibility.Catalog candidate) {
        return SchemaCompatibility.breakingChanges(RELEASED, candidate, EVENT_TOPICS);
    }

    private static final String REQUESTED = "io.nexusconnect.sync.requested.v1";
    private static final String COMPLETED = "io.nexusconnect.sync.completed.v1";

    @Test
    @DisplayName("The schemas and topics of this build break no subscriber of the released contract")
    void currentIsCompatible() {
        assertThat(RELEASED.schemas()).hasSizeGreaterThanOrEqualTo(15);
        assertThat(check(current())).isEmpty();
    }

    @Test
    @DisplayName("Adding an optional field is compatible")
    void addedOptionalFieldIsCompatible() {
        assertThat(check(withChange(REQUESTED, s -> ((ObjectNode) s.get("properties")).putObject("priority").put("type", "string"))))
                .isEmpty();
    }

    @Test
    @DisplayName("A removed field is caught")
    void removedFieldIsCaught() {
        assertThat(check(withChange(REQUESTED, s -> ((ObjectNode) s.get("properties")).remove("lookback"))))
                .containsExactly(REQUESTED + " lookback: removed");
    }

    @Test
    @DisplayName("A changed type is caught, also inside a shared definition")
    void changedTypeIsCaught() {
        assertThat(check(withChange(REQUESTED, s -> ((ObjectNode) s.at("/properties/attempt")).put("type", "string"))))
                .containsExactly(REQUESTED + " attempt: type changed from \"integer\" to \"string\"");
        assertThat(check(withChange(REQUESTED, s -> ((ObjectNode) s.at("/$defs/connectionSnapshot/properties/version"))
                .put("type", "string")))).containsExactly(REQUESTED + " connection.version: type changed from \"integer\" to \"string\"");
    }

    @Test
    @DisplayName("An optional field made required is caught")
    void madeRequiredIsCaught() {
        assertThat(check(withChange(COMPLETED, s -> ((ArrayNode) s.get("required")).add("error"))))
                .containsExactly(COMPLETED + " error: made required");
    }

    @Test
    @DisplayName("A narrowed enum is caught, naming the values taken away")
    void narrowedEnumIsCaught() {
        assertThat(check(withChange(REQUESTED, s -> {
            ArrayNode values = (ArrayNode) s.at("/$defs/trigger/enum");
            values.remove(values.size() - 1);
        }))).containsExactly(REQUESTED + " trigger: enum narrowed, [reconnect] no longer allowed");
    }

    @Test
    @DisplayName("A renamed topic is caught; a newer version of it is not a rename")
    void renamedTopicIsCaught() {
        Set<String> renamed = new LinkedHashSet<>(RELEASED.topics());
        renamed.remove("nexus.orders.v1");
        renamed.add("nexus.marketplace-orders.v1");
        assertThat(check(new SchemaCompatibility.Catalog(RELEASED.schemas(), renamed)))
                .containsExactly("topic nexus.orders.v1: renamed or removed without a newer version");
    }

    @Test
    @DisplayName("A breaking change as a new major version on a new topic version passes; without the topic version it is caught")
    void majorVersionWithTopicVersionIsAllowed() {
        // given v2 of SyncRequested without "lookback", beside the unchanged v1
        Map<String, JsonNode> schemas = new TreeMap<>(RELEASED.schemas());
        ObjectNode v2 = RELEASED.schemas().get(REQUESTED).deepCopy();
        ((ObjectNode) v2.get("properties")).remove("lookback");
        schemas.put("io.nexusconnect.sync.requested.v2", v2);

        // when the per-marketplace request topics move to v2 too, then nothing is reported
        Set<String> topics = RELEASED.topics().stream()
                .map(t -> t.startsWith("nexus.sync-requests.") ? t.replace(".v1", ".v2") : t)
                .collect(Collectors.toCollection(LinkedHashSet::new));
        assertThat(check(new SchemaCompatibility.Catalog(schemas, topics))).isEmpty();

        // and when they do not, the missing topic version is reported
        assertThat(check(new SchemaCompatibility.Catalog(schemas, RELEASED.topics())))
                .isNotEmpty()
                .allMatch(problem -> problem.startsWith("io.nexusconnect.sync.requested.v2: a new major version needs a new version of nexus.sync-requests."));
    }
}
