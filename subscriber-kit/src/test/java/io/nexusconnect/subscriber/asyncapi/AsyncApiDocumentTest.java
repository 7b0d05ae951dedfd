package io.nexusconnect.subscriber.asyncapi;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.file.Path;

import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("docs/asyncapi.yaml")
class AsyncApiDocumentTest {
    private static final Path DOCUMENT = AsyncApiCheck.document();
    private static final Path DIR = DOCUMENT.getParent();

    @Test
    @DisplayName("is a valid AsyncAPI 3.0.0 document by the specification's own JSON Schema")
    void validAsyncApi3() {
        // given: the document as published
        JsonNode document = AsyncApiCheck.read(DOCUMENT);

        // when / then: the official schema finds nothing wrong
        assertThat(document.path("asyncapi").asText()).isEqualTo("3.0.0");
        assertThat(AsyncApiCheck.schemaViolations(document)).isEmpty();
    }

    @Test
    @DisplayName("describes every public topic and event type of contracts, with their configuration, and nothing else; "
            + "every $ref resolves to a node of the document or a published JSON Schema")
    void inStepWithContracts() {
        assertThat(AsyncApiCheck.problems(AsyncApiCheck.read(DOCUMENT), DIR)).isEmpty();
    }

    @Test
    @DisplayName("every event type of contracts is either in the document or known to be private to nexus-connect, "
            + "so a new public event cannot be left out")
    void everyEventTypeClassified() {
        assertThat(AsyncApiCheck.unclassifiedEventTypes(AsyncApiCheck.repoRoot().resolve("contracts/src/main/resources/schemas")))
                .isEmpty();
    }

    @Test
    @DisplayName("a document with a stale channel, a missing topic, an unreachable schema, a wrong direction or another "
            + "topic configuration than the code's is refused")
    void driftIsReported() {
        // given: the document with a channel of a topic that is not public, without the alerts channel, a payload
        // pointing at a schema that does not exist, the orders operation turned around and another tombstone retention
        ObjectNode document = (ObjectNode) AsyncApiCheck.read(DOCUMENT);
        ObjectNode channels = (ObjectNode) document.get("channels");
        channels.putObject("syncEvents").put("address", "nexus.sync-events.v1");
        channels.remove("alerts");
        ((ObjectNode) document.at("/components/messages/product/payload/schema"))
                .put("$ref", "../contracts/src/main/resources/schemas/io.nexusconnect.product.v9.json");
        ((ObjectNode) document.at("/operations/publishOrders")).put("action", "receive");
        ((ObjectNode) document.at("/channels/orders/bindings/kafka/topicConfiguration")).put("delete.retention.ms", 1);

        // when
        var problems = AsyncApiCheck.problems(document, DIR);

        // then: each drift is named
        assertThat(problems).anySatisfy(p -> assertThat(p).contains("nexus.sync-events.v1 is not a public topic"))
                .anySatisfy(p -> assertThat(p).contains("public topic nexus.alerts.v1 has no channel"))
                .anySatisfy(p -> assertThat(p).contains("io.nexusconnect.product.v9.json: no file"))
                .anySatisfy(p -> assertThat(p).contains("message alert is on no channel"))
                .anySatisfy(p -> assertThat(p).contains("operation publishOrders: action receive"))
                .anySatisfy(p -> assertThat(p).contains("channel orders: topicConfiguration"));
    }

    @Test
    @DisplayName("a document the AsyncAPI schema refuses (no info, an unknown action) is reported by the validation")
    void invalidDocumentIsReported() {
        // given
        ObjectNode document = (ObjectNode) AsyncApiCheck.read(DOCUMENT);
        document.remove("info");
        ((ObjectNode) document.at("/operations/publishOrders")).put("action", "publish");

        // when / then
        assertThat(AsyncApiCheck.schemaViolations(document)).isNotEmpty();
    }
}
