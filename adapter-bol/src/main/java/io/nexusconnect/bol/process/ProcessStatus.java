package io.nexusconnect.bol.process;

import com.fasterxml.jackson.databind.JsonNode;

/** The spec's {@code ProcessStatus}, read tolerantly: what a write became at bol. */
public record ProcessStatus(String id, String entityId, String eventType, State state, String errorMessage) {

    public enum State { PENDING, SUCCESS, FAILURE, TIMEOUT, UNKNOWN }

    public static ProcessStatus of(JsonNode node) {
        String id = node.path("processStatusId").asText("");
        if (id.isBlank()) {
            throw new IllegalArgumentException("a process status without processStatusId");
        }
        State state;
        try {
            state = State.valueOf(node.path("status").asText("UNKNOWN"));
        } catch (IllegalArgumentException e) {
            state = State.UNKNOWN;
        }
        return new ProcessStatus(id, node.path("entityId").asText(null), node.path("eventType").asText(null), state,
                node.path("errorMessage").asText(null));
    }

    public boolean done() {
        return state == State.SUCCESS || state == State.FAILURE || state == State.TIMEOUT;
    }
}
