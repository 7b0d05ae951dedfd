package io.nexusconnect.sims.kaufland;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexusconnect.sims.kaufland.http.KauflandSignature;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP against the Kaufland simulator, signed the way Kaufland's documentation shows. */
final class KauflandHttp {
    static final ObjectMapper MAPPER = new ObjectMapper();
    private static final HttpClient CLIENT = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

    private KauflandHttp() {
    }

    record Reply(int status, String body) {
        JsonNode json() {
            try {
                return MAPPER.readTree(body);
            } catch (IOException e) {
                throw new UncheckedIOException("not JSON: " + body, e);
            }
        }

        String type() {
            return json().path("type").asText();
        }
    }

    /** A signed request with the demo keys and {@code timestamp} (unix seconds). */
    static Reply send(KauflandSimulator sim, String method, String pathAndQuery, String body, long timestamp) {
        String uri = sim.baseUrl() + pathAndQuery;
        byte[] bytes = body == null ? new byte[0] : body.getBytes(StandardCharsets.UTF_8);
        String signature = KauflandSignature.sign(KauflandSimulator.DEMO.secretKey(), method, uri, bytes, timestamp);
        return raw(HttpRequest.newBuilder(URI.create(uri)).header("Accept", "application/json")
                .header("User-Agent", "nexus-connect-test").header("Shop-Client-Key", KauflandSimulator.DEMO.clientKey())
                .header("Shop-Timestamp", Long.toString(timestamp)).header("Shop-Signature", signature)
                .header("Content-Type", "application/json")
                .method(method, bytes.length == 0 ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofByteArray(bytes)));
    }

    static Reply raw(HttpRequest.Builder request) {
        try {
            HttpResponse<String> response = CLIENT.send(request.timeout(Duration.ofSeconds(10)).build(),
                    HttpResponse.BodyHandlers.ofString());
            return new Reply(response.statusCode(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
