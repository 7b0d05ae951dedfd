package io.nexusconnect.sims.kaufland;

import io.nexusconnect.sims.common.http.HttpReply;
import io.nexusconnect.sims.kaufland.http.KauflandSignature;

import java.net.URI;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.nio.charset.StandardCharsets;
import java.time.Duration;

/** Real HTTP against the Kaufland simulator, signed the way Kaufland's documentation shows. */
final class KauflandHttp {
    private KauflandHttp() {
    }

    record Reply(int status, HttpHeaders headers, String body) implements HttpReply {
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
        return HttpReply.exchange(request, Duration.ofSeconds(10), Reply::new);
    }
}
