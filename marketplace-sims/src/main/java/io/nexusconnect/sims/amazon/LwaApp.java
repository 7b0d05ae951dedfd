package io.nexusconnect.sims.amazon;

import java.util.Objects;

/** An SP-API application as Login with Amazon knows it: its LWA client id and secret. */
public record LwaApp(String clientId, String clientSecret) {
    public LwaApp {
        Objects.requireNonNull(clientId, "clientId");
        Objects.requireNonNull(clientSecret, "clientSecret");
    }

    @Override
    public String toString() {
        return "LwaApp[clientId=" + clientId + ", clientSecret=***]";
    }
}
