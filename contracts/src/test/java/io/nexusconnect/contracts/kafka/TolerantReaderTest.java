package io.nexusconnect.contracts.kafka;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.contracts.status.ConnectionStatusChanged;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncEvent;
import org.apache.kafka.common.header.Headers;
import org.apache.kafka.common.header.internals.RecordHeaders;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TolerantReaderTest {

    private static ObjectNode completedJson() throws Exception {
        SyncCompleted completed = (SyncCompleted) io.nexusconnect.contracts.SamplesAccess.completed();
        return (ObjectNode) Json.mapper().readTree(Json.write(completed));
    }

    private static Headers typed(String ceType) {
        RecordHeaders headers = new RecordHeaders();
        headers.add(CloudEvents.TYPE, ceType.getBytes(StandardCharsets.UTF_8));
        return headers;
    }

    @Test
    @DisplayName("A record with fields its reader does not know decodes, the unknown ones ignored")
    void unknownFieldsAreIgnored() throws Exception {
        ObjectNode json = completedJson();
        json.put("addedInV1_3", "anything");
        ((ObjectNode) json.get("counts")).put("returns", 4);

        SyncEvent event = EventDecoder.decodeOneOf(json.toString(), typed(SyncCompleted.TYPE), "kind", SyncEvent::typeOf,
                SyncEvent.class);

        assertThat(event).isInstanceOf(SyncCompleted.class);
    }

    @Test
    @DisplayName("A record whose ce_type has a newer minor version decodes with the contract of its major version")
    void newerMinorVersionDecodes() throws Exception {
        SyncEvent event = EventDecoder.decode(completedJson().toString(), typed(SyncCompleted.TYPE + ".3"),
                SyncCompleted.TYPE, SyncEvent.class);

        assertThat(((SyncCompleted) event).syncId()).isNotNull();
    }

    @Test
    @DisplayName("Another major version or another event in ce_type is poison, naming both types")
    void otherMajorOrEventIsPoison() throws Exception {
        String json = completedJson().toString();

        assertThatThrownBy(() -> EventDecoder.decode(json, typed("io.nexusconnect.sync.completed.v2"), SyncCompleted.TYPE,
                SyncEvent.class)).isInstanceOf(MalformedEventException.class).hasMessageContaining("sync.completed.v2");
        assertThatThrownBy(() -> EventDecoder.decode(json, typed(ConnectionStatusChanged.TYPE), SyncCompleted.TYPE,
                SyncEvent.class)).isInstanceOf(MalformedEventException.class).hasMessageContaining(SyncCompleted.TYPE);
    }

    @Test
    @DisplayName("A missing required field and a wrong type are poison with the schema's reasons")
    void requiredFieldsAndTypesAreEnforced() throws Exception {
        ObjectNode json = completedJson();
        json.remove("outcome");
        json.put("attempt", "second");

        assertThatThrownBy(() -> EventDecoder.decode(json.toString(), null, SyncCompleted.TYPE, SyncEvent.class))
                .isInstanceOf(MalformedEventException.class)
                .hasMessageContaining("outcome")
                .hasMessageContaining("attempt");
    }

    @Test
    @DisplayName("An empty value, a non-object and an unknown kind are poison")
    void unreadableIsPoison() {
        assertThatThrownBy(() -> EventDecoder.tree("")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventDecoder.tree("[1]")).isInstanceOf(MalformedEventException.class);
        assertThatThrownBy(() -> EventDecoder.decodeOneOf("{\"kind\":\"exploded\"}", null, "kind", SyncEvent::typeOf,
                SyncEvent.class)).isInstanceOf(MalformedEventException.class).hasMessageContaining("exploded");
    }
}
