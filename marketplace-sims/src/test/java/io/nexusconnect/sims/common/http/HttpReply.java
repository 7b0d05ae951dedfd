package io.nexusconnect.sims.common.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpClient;
import java.net.http.HttpHeaders;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;

/**
 * A real HTTP answer as the simulators' tests read it: status, headers, body, the body as JSON. Each marketplace's
 * test helper has a reply record implementing this, with that marketplace's error fields on top.
 */
public interface HttpReply {
    ObjectMapper MAPPER = new ObjectMapper();

    int status();

    HttpHeaders headers();

    String body();

    default JsonNode json() {
        try {
            return MAPPER.readTree(body());
        } catch (IOException e) {
            throw new UncheckedIOException("not JSON: " + body(), e);
        }
    }

    /** The header's first value (names compare case-insensitively), or null. */
    default String header(String name) {
        return headers().firstValue(name).orElse(null);
    }

    /** How a marketplace's helper builds its reply record (its canonical constructor). */
    @FunctionalInterface
    interface Factory<R extends HttpReply> {
        R reply(int status, HttpHeaders headers, String body);
    }

    /** Sends {@code request} (at most {@code timeout}) over the tests' shared client and wraps the answer. */
    static <R extends HttpReply> R exchange(HttpRequest.Builder request, Duration timeout, Factory<R> factory) {
        try {
            HttpResponse<String> response = Client.HTTP.send(request.timeout(timeout).build(),
                    HttpResponse.BodyHandlers.ofString());
            return factory.reply(response.statusCode(), response.headers(), response.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The {@code Authorization: Basic} value of a client id and secret. */
    static String basic(String clientId, String secret) {
        return "Basic " + Base64.getEncoder().encodeToString((clientId + ":" + secret)
                .getBytes(StandardCharsets.UTF_8));
    }

    /** Holds the client apart from the interface's constants. */
    final class Client {
        static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();

        private Client() {
        }
    }
}
