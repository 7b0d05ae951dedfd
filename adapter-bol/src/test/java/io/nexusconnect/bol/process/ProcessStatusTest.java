package io.nexusconnect.bol.process;

import io.nexusconnect.contracts.kafka.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** shared.json's {@code ProcessStatus}, read tolerantly. */
class ProcessStatusTest {

    @Test
    @DisplayName("Given the spec's example with an unknown field, then id, entity, event and state are read and SUCCESS is done")
    void specExample() throws Exception {
        ProcessStatus status = ProcessStatus.of(Json.mapper().readTree("{\"processStatusId\":\"1234567\","
                + "\"entityId\":\"987654321\",\"eventType\":\"CREATE_SHIPMENT\",\"description\":\"Example\","
                + "\"status\":\"SUCCESS\",\"createTimestamp\":\"2018-11-14T09:34:41+01:00\",\"links\":[],"
                + "\"somethingNew\":1}"));

        assertThat(status.id()).isEqualTo("1234567");
        assertThat(status.entityId()).isEqualTo("987654321");
        assertThat(status.state()).isEqualTo(ProcessStatus.State.SUCCESS);
        assertThat(status.done()).isTrue();
    }

    @Test
    @DisplayName("Given PENDING, FAILURE with a message, TIMEOUT and an unknown state, then only PENDING and unknown are not done")
    void states() throws Exception {
        assertThat(read("PENDING").done()).isFalse();
        assertThat(read("TIMEOUT").done()).isTrue();
        assertThat(read("NEW_STATE").state()).isEqualTo(ProcessStatus.State.UNKNOWN);
        ProcessStatus failure = ProcessStatus.of(Json.mapper().readTree(
                "{\"processStatusId\":\"9\",\"status\":\"FAILURE\",\"errorMessage\":\"Offer not found\"}"));
        assertThat(failure.done()).isTrue();
        assertThat(failure.errorMessage()).isEqualTo("Offer not found");
        assertThatThrownBy(() -> ProcessStatus.of(Json.mapper().readTree("{\"status\":\"SUCCESS\"}")))
                .hasMessageContaining("processStatusId");
    }

    private static ProcessStatus read(String state) throws Exception {
        return ProcessStatus.of(Json.mapper().readTree("{\"processStatusId\":\"1\",\"status\":\"" + state + "\"}"));
    }
}
