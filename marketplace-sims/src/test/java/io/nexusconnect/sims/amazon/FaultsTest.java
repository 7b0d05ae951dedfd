package io.nexusconnect.sims.amazon;

import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.Faults;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.util.Map;

import static io.nexusconnect.sims.amazon.SimHttp.get;
import static io.nexusconnect.sims.amazon.SimHttp.postForm;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class FaultsTest extends AmazonSimTest {
    private static final AmazonSimulator.DemoIdentity DEMO = AmazonSimulator.DEMO;
    private String participations;

    @Override
    AmazonSimConfig config() {
        return AmazonSimConfig.builder().orderCount(20).listingCount(5).speedFactor(1000).build();
    }

    @BeforeAll
    void start() {
        participations = sim.baseUrl() + "/sellers/v1/marketplaceParticipations";
    }

    @BeforeEach
    void reset() {
        sim.faults().clear();
    }

    private SimHttp.Reply tokenRequest() {
        return postForm(sim.lwaTokenUrl(), Map.of("grant_type", "refresh_token", "refresh_token", DEMO.refreshToken(),
                "client_id", DEMO.lwaClientId(), "client_secret", DEMO.lwaClientSecret()));
    }

    @Test
    @DisplayName("Given RATE_LIMIT twice on getMarketplaceParticipations, when called three times, then two 429s with Retry-After and then 200")
    void rateLimitFault() {
        String token = SimHttp.demoToken(sim);
        sim.faults().inject("getMarketplaceParticipations", Fault.rateLimit(Duration.ofSeconds(3)), 2);

        SimHttp.Reply first = get(participations, token);
        SimHttp.Reply second = get(participations, token);
        SimHttp.Reply third = get(participations, token);

        assertThat(first.status()).isEqualTo(429);
        assertThat(first.header("Retry-After")).isEqualTo("3");
        assertThat(first.error("code")).isEqualTo("QuotaExceeded");
        assertThat(second.status()).isEqualTo(429);
        assertThat(third.status()).isEqualTo(200);
        assertThat(sim.faults().active()).isEmpty();
    }

    @Test
    @DisplayName("Given SERVER_ERROR 503 on every operation, when an SP-API call and a token request are made, then only the SP-API call fails with InternalFailure")
    void serverErrorOnAnyOperation() {
        sim.faults().next(Faults.ANY_OPERATION, Fault.serverError(503));

        SimHttp.Reply token = tokenRequest();
        SimHttp.Reply call = get(sim.baseUrl() + "/orders/v0/orders/111-0000000-0000000", token.json()
                .path("access_token").asText());

        assertThat(token.status()).isEqualTo(200);
        assertThat(call.status()).isEqualTo(503);
        assertThat(call.error("code")).isEqualTo("InternalFailure");
        assertThat(call.error("message")).isEqualTo("We encountered an internal error. Please try again.");
    }

    @Test
    @DisplayName("Given EXPIRED_TOKEN, when the next call is made, then it is refused as expired, the token stays expired, and a fresh token works")
    void expiredTokenFault() {
        String token = SimHttp.demoToken(sim);
        sim.faults().next("getOrder", Fault.expiredToken());
        String order = sim.baseUrl() + "/orders/v0/orders/" + sim.orders().getFirst().amazonOrderId();

        SimHttp.Reply refused = get(order, token);
        SimHttp.Reply again = get(participations, token);
        SimHttp.Reply fresh = get(order, SimHttp.demoToken(sim));

        assertThat(refused.status()).isEqualTo(403);
        assertThat(refused.error("details")).isEqualTo("The access token you provided has expired.");
        assertThat(again.status()).isEqualTo(403);
        assertThat(again.error("details")).isEqualTo("The access token you provided has expired.");
        assertThat(fresh.status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Given INVALID_GRANT on every operation, when a token is requested, then LWA says the grant was revoked; the next request succeeds")
    void invalidGrantFault() {
        sim.faults().next(Faults.ANY_OPERATION, Fault.invalidGrant());

        SimHttp.Reply revoked = tokenRequest();
        SimHttp.Reply next = tokenRequest();

        assertThat(revoked.status()).isEqualTo(400);
        assertThat(revoked.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(revoked.json().path("error_description").asText()).contains("User may have revoked");
        assertThat(next.status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Given INVALID_CLIENT on the token endpoint, when a token is requested, then 401 invalid_client")
    void invalidClientFault() {
        sim.faults().next(AmazonSimulator.LWA_TOKEN, Fault.invalidClient());

        SimHttp.Reply reply = tokenRequest();

        assertThat(reply.status()).isEqualTo(401);
        assertThat(reply.json().path("error").asText()).isEqualTo("invalid_client");
    }

    @Test
    @DisplayName("Given ACCOUNT_SUSPENDED and SCOPE_MISSING, when calls are made, then both get Amazon's generic 403 Unauthorized access-denied body")
    void accessDeniedFaults() {
        String token = SimHttp.demoToken(sim);
        sim.faults().next("getMarketplaceParticipations", Fault.accountSuspended());
        sim.faults().next("getMarketplaceParticipations", Fault.scopeMissing());

        SimHttp.Reply suspended = get(participations, token);
        SimHttp.Reply scope = get(participations, token);

        for (SimHttp.Reply reply : new SimHttp.Reply[]{suspended, scope}) {
            assertThat(reply.status()).isEqualTo(403);
            assertThat(reply.error("code")).isEqualTo("Unauthorized");
            assertThat(reply.error("message")).isEqualTo("Access to requested resource is denied.");
            assertThat(reply.header("x-amzn-ErrorType")).isEqualTo("AccessDeniedException");
        }
        assertThat(get(participations, token).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Given MALFORMED_JSON, when the call is made, then 200 arrives with a body that is not JSON")
    void malformedJsonFault() {
        String token = SimHttp.demoToken(sim);
        sim.faults().next("getMarketplaceParticipations", Fault.malformedJson());

        SimHttp.Reply reply = get(participations, token);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.body()).startsWith("{");
        assertThatThrownBy(reply::json).isInstanceOf(java.io.UncheckedIOException.class);
    }

    @Test
    @DisplayName("Given SLOW 300 ms, when the call is made, then it is answered normally, no sooner than the delay")
    void slowFault() {
        String token = SimHttp.demoToken(sim);
        sim.faults().next("getMarketplaceParticipations", Fault.slow(Duration.ofMillis(300)));

        long started = System.nanoTime();
        SimHttp.Reply reply = get(participations, token);
        long elapsedMillis = (System.nanoTime() - started) / 1_000_000;

        assertThat(reply.status()).isEqualTo(200);
        assertThat(elapsedMillis).isGreaterThanOrEqualTo(300);
    }

    @Test
    @DisplayName("Given a persistent fault, when called repeatedly, then every call fails until the faults are cleared")
    void persistentFault() {
        String token = SimHttp.demoToken(sim);
        sim.faults().persistent("getMarketplaceParticipations", Fault.serverError(500));

        for (int i = 0; i < 3; i++) {
            assertThat(get(participations, token).status()).isEqualTo(500);
        }
        sim.faults().clear();
        assertThat(get(participations, token).status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Given the HTTP admin, when a fault is posted, listed, hit and cleared, then it behaves as through the Java API; bad input is a problem JSON")
    void httpAdmin() {
        String token = SimHttp.demoToken(sim);
        String admin = sim.baseUrl() + "/__sim/faults";

        SimHttp.Reply created = SimHttp.postJson(admin,
                "{\"operation\":\"getMarketplaceParticipations\",\"kind\":\"RATE_LIMIT\",\"times\":1,\"retryAfterSeconds\":5}");
        SimHttp.Reply listed = get(admin, null);
        SimHttp.Reply hit = get(participations, token);
        SimHttp.Reply persistent = SimHttp.postJson(admin, "{\"kind\":\"SERVER_ERROR\",\"status\":503,\"persistent\":true}");
        SimHttp.Reply failing = get(participations, token);
        SimHttp.Reply cleared = SimHttp.delete(admin);
        SimHttp.Reply invalid = SimHttp.postJson(admin, "{\"kind\":\"EARTHQUAKE\"}");

        assertThat(created.status()).isEqualTo(201);
        assertThat(created.json().path("remaining").asInt()).isEqualTo(1);
        assertThat(listed.json()).hasSize(1);
        assertThat(hit.status()).isEqualTo(429);
        assertThat(hit.header("Retry-After")).isEqualTo("5");
        assertThat(persistent.json().path("operation").asText()).isEqualTo("*");
        assertThat(failing.status()).isEqualTo(503);
        assertThat(cleared.status()).isEqualTo(204);
        assertThat(get(participations, token).status()).isEqualTo(200);
        assertThat(invalid.status()).isEqualTo(400);
        assertThat(invalid.header("Content-Type")).isEqualTo("application/problem+json");
        assertThat(invalid.json().path("errors").path(0).path("field").asText()).isEqualTo("kind");
        assertThat(get(sim.baseUrl() + "/__sim/requests", null).json().path("byOperation")
                .path("getMarketplaceParticipations").asLong()).isPositive();
    }

    @Test
    @DisplayName("Given a wildcard RATE_LIMIT, when a token is requested, then the token endpoint is not hit (name lwaToken to throttle it)")
    void wildcardSparesTheTokenEndpoint() {
        sim.faults().next(Faults.ANY_OPERATION, Fault.rateLimit(Duration.ofSeconds(1)));
        sim.faults().next(AmazonSimulator.LWA_TOKEN, Fault.rateLimit(Duration.ofSeconds(2)));

        SimHttp.Reply throttledToken = tokenRequest();

        assertThat(throttledToken.status()).isEqualTo(429);
        assertThat(throttledToken.header("Retry-After")).isEqualTo("2");
        assertThat(sim.faults().active()).singleElement().satisfies(r -> assertThat(r.operation()).isEqualTo("*"));
    }
}
