package io.nexusconnect.adapterkit.client;

import java.time.Clock;
import java.util.Map;

/**
 * Signs one attempt of a request. The client calls it for every attempt, after waiting for the rate limiter and any
 * backoff, immediately before sending, so a retry carries a fresh timestamp and signature (Kaufland's
 * {@code Shop-Timestamp}, Walmart's legacy {@code WM_SEC.TIMESTAMP}); a signature made before a two-minute backoff
 * would be stale.
 *
 * <p>The signer returns the headers to add; they are treated as secret (never printed). It sees exactly what goes on
 * the wire: the method, the absolute URL with the query string as sent, and the body bytes.
 */
@FunctionalInterface
public interface RequestSigner {
    RequestSigner NONE = (attempt, clock) -> Map.of();

    Map<String, String> sign(OutgoingAttempt attempt, Clock clock);

    /**
     * @param url  the absolute URL, query string included, byte for byte as the client sends it
     * @param body the exact body bytes (empty, never null, when there is no body)
     */
    record OutgoingAttempt(String operation, String method, String url, byte[] body, int attempt) {
        public String bodyText() {
            return new String(body, java.nio.charset.StandardCharsets.UTF_8);
        }
    }
}
