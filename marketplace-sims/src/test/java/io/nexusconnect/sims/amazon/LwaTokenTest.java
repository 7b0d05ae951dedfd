package io.nexusconnect.sims.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Base64;
import java.util.Map;

import static io.nexusconnect.sims.amazon.SimHttp.postForm;
import static io.nexusconnect.sims.amazon.SimHttp.postJson;
import static org.assertj.core.api.Assertions.assertThat;

class LwaTokenTest extends AmazonSimTest {
    private static final AmazonSimulator.DemoIdentity DEMO = AmazonSimulator.DEMO;

    @Override
    AmazonSimConfig config() {
        return AmazonSimConfig.builder().orderCount(5).listingCount(5)
                .accessTokenTtl(Duration.ofMinutes(15)).build();
    }

    private Map<String, String> refreshGrant() {
        return Map.of("grant_type", "refresh_token", "refresh_token", DEMO.refreshToken(),
                "client_id", DEMO.lwaClientId(), "client_secret", DEMO.lwaClientSecret());
    }

    @Test
    @DisplayName("Given the demo credentials, when a form-encoded refresh_token grant is posted, then LWA issues an Atza| bearer token for the configured TTL")
    void formRefreshGrant() {
        SimHttp.Reply reply = postForm(sim.lwaTokenUrl(), refreshGrant());

        assertThat(reply.status()).isEqualTo(200);
        JsonNode body = reply.json();
        assertThat(body.path("access_token").asText()).startsWith("Atza|").hasSizeGreaterThan(100);
        assertThat(body.path("token_type").asText()).isEqualTo("bearer");
        assertThat(body.path("expires_in").asLong()).isEqualTo(900);
        assertThat(body.path("refresh_token").asText()).isEqualTo(DEMO.refreshToken());
        assertThat(reply.header("Content-Type")).startsWith("application/json");
        assertThat(reply.header("x-amzn-RequestId")).isNotBlank();
    }

    @Test
    @DisplayName("Given the demo credentials, when the grant is posted as JSON (as the official Java client does), then a token is issued too")
    void jsonRefreshGrant() throws Exception {
        SimHttp.Reply reply = postJson(sim.lwaTokenUrl(), SimHttp.MAPPER.writeValueAsString(refreshGrant()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("access_token").asText()).startsWith("Atza|");
    }

    @Test
    @DisplayName("Given client credentials in an HTTP Basic header, when the grant body has only the refresh token, then a token is issued")
    void basicClientCredentials() throws Exception {
        String basic = Base64.getEncoder().encodeToString((DEMO.lwaClientId() + ":" + DEMO.lwaClientSecret())
                .getBytes(StandardCharsets.UTF_8));
        java.net.http.HttpResponse<String> response = java.net.http.HttpClient.newHttpClient().send(
                java.net.http.HttpRequest.newBuilder(java.net.URI.create(sim.lwaTokenUrl()))
                        .header("Content-Type", "application/x-www-form-urlencoded")
                        .header("Authorization", "Basic " + basic)
                        .POST(java.net.http.HttpRequest.BodyPublishers.ofString("grant_type=refresh_token&refresh_token="
                                + SimHttp.encode(DEMO.refreshToken()))).build(),
                java.net.http.HttpResponse.BodyHandlers.ofString());

        assertThat(response.statusCode()).isEqualTo(200);
    }

    @Test
    @DisplayName("Given a grantless scope, when a client_credentials grant is posted, then the token carries the scope and no refresh token")
    void clientCredentialsGrant() {
        SimHttp.Reply reply = postForm(sim.lwaTokenUrl(), Map.of("grant_type", "client_credentials",
                "scope", "sellingpartnerapi::notifications", "client_id", DEMO.lwaClientId(),
                "client_secret", DEMO.lwaClientSecret()));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("scope").asText()).isEqualTo("sellingpartnerapi::notifications");
        assertThat(reply.json().has("refresh_token")).isFalse();
    }

    @Test
    @DisplayName("Given a scope that is not one of the two grantless scopes, when client_credentials is requested, then LWA answers 400 invalid_scope")
    void invalidScope() {
        SimHttp.Reply reply = postForm(sim.lwaTokenUrl(), Map.of("grant_type", "client_credentials",
                "scope", "sellingpartnerapi::orders", "client_id", DEMO.lwaClientId(),
                "client_secret", DEMO.lwaClientSecret()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).isEqualTo("invalid_scope");
    }

    @Test
    @DisplayName("Given a wrong client secret, when a grant is posted, then LWA answers 401 invalid_client 'Client authentication failed'")
    void wrongSecret() {
        SimHttp.Reply reply = postForm(sim.lwaTokenUrl(), Map.of("grant_type", "refresh_token",
                "refresh_token", DEMO.refreshToken(), "client_id", DEMO.lwaClientId(), "client_secret", "nope"));

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").asText()).isEqualTo("invalid_client");
        assertThat(reply.json().path("error_description").asText()).isEqualTo("Client authentication failed");
    }

    @Test
    @DisplayName("Given a refresh token nobody issued, when it is exchanged, then LWA answers 400 invalid_grant naming the refresh_token parameter")
    void unknownRefreshToken() {
        SimHttp.Reply reply = postForm(sim.lwaTokenUrl(), Map.of("grant_type", "refresh_token",
                "refresh_token", "Atzr|forged", "client_id", DEMO.lwaClientId(), "client_secret", DEMO.lwaClientSecret()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(reply.json().path("error_description").asText())
                .isEqualTo("The request has an invalid grant parameter : refresh_token");
    }

    @Test
    @DisplayName("Given the authorization_code grant (not simulated), when it is posted, then LWA answers 400 unsupported_grant_type")
    void unsupportedGrant() {
        SimHttp.Reply reply = postForm(sim.lwaTokenUrl(), Map.of("grant_type", "password",
                "client_id", DEMO.lwaClientId(), "client_secret", DEMO.lwaClientSecret()));

        assertThat(reply.status()).isEqualTo(400);
        assertThat(reply.json().path("error").asText()).isEqualTo("unsupported_grant_type");
    }

    @Test
    @DisplayName("Given a grant without refresh_token or an unreadable JSON body, when posted, then LWA answers 400 invalid_request")
    void invalidRequests() {
        SimHttp.Reply missing = postForm(sim.lwaTokenUrl(), Map.of("grant_type", "refresh_token",
                "client_id", DEMO.lwaClientId(), "client_secret", DEMO.lwaClientSecret()));
        SimHttp.Reply garbled = postJson(sim.lwaTokenUrl(), "{\"grant_type\":");

        assertThat(missing.status()).isEqualTo(400);
        assertThat(missing.json().path("error").asText()).isEqualTo("invalid_request");
        assertThat(missing.json().path("error_description").asText())
                .isEqualTo("The request is missing a required parameter : refresh_token");
        assertThat(garbled.status()).isEqualTo(400);
        assertThat(garbled.json().path("error").asText()).isEqualTo("invalid_request");
    }

    @Test
    @DisplayName("Given several grants, when the request log is read, then every token request is counted under lwaToken with its status")
    void requestLogCountsGrants() {
        long before = sim.requestLog().count("lwaToken", 401);
        postForm(sim.lwaTokenUrl(), Map.of("grant_type", "refresh_token", "refresh_token", DEMO.refreshToken(),
                "client_id", DEMO.lwaClientId(), "client_secret", "wrong"));

        assertThat(sim.requestLog().count("lwaToken", 401)).isEqualTo(before + 1);
    }
}
