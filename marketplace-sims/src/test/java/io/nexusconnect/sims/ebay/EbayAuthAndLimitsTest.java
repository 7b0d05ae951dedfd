package io.nexusconnect.sims.ebay;

import io.nexusconnect.sims.common.SimClock;
import io.nexusconnect.sims.common.faults.Fault;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;

import static io.nexusconnect.sims.ebay.EbayHttp.ALL_SCOPES;
import static io.nexusconnect.sims.ebay.EbayHttp.accessToken;
import static io.nexusconnect.sims.ebay.EbayHttp.get;
import static io.nexusconnect.sims.ebay.EbayHttp.token;
import static org.assertj.core.api.Assertions.assertThat;

class EbayAuthAndLimitsTest {
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private final SimClock clock = new SimClock(START);
    private EbaySimulator sim;

    @AfterEach
    void stop() {
        if (sim != null) {
            sim.close();
        }
    }

    private EbaySimulator start(EbaySimConfig.Builder builder) {
        sim = EbaySimulator.start(builder.clock(clock).orderCount(20).itemCount(5).build());
        return sim;
    }

    @Test
    @DisplayName("Given the demo refresh token and Basic client credentials, when the scopes are asked for, then a 2-hour user token is minted and works for getUser")
    void refreshGrantMintsTwoHourTokens() {
        start(EbaySimConfig.builder());

        EbayHttp.Reply reply = token(sim, EbaySimulator.DEMO.clientSecret(), EbaySimulator.DEMO.refreshToken(),
                ALL_SCOPES);

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("expires_in").asLong()).isEqualTo(7200);
        assertThat(reply.json().path("token_type").asText()).isEqualTo("User Access Token");
        assertThat(reply.json().has("refresh_token")).isFalse();
        EbayHttp.Reply user = get(sim, reply.json().path("access_token").asText(), "/commerce/identity/v1/user/");
        assertThat(user.status()).isEqualTo(200);
        assertThat(user.json().path("username").asText()).isEqualTo(EbaySimulator.DEMO.username());
    }

    @Test
    @DisplayName("Given a wrong client secret, a scope beyond the consent or no scope, when a token is asked for, then eBay's OAuth errors answer")
    void tokenEndpointErrors() {
        start(EbaySimConfig.builder());

        EbayHttp.Reply wrongSecret = token(sim, "nope", EbaySimulator.DEMO.refreshToken(), ALL_SCOPES);
        EbayHttp.Reply tooMuch = token(sim, EbaySimulator.DEMO.clientSecret(), EbaySimulator.DEMO.refreshToken(),
                EbayApi.Scopes.BASE + "/sell.marketing");
        EbayHttp.Reply unknownGrant = token(sim, EbaySimulator.DEMO.clientSecret(), "v^1.1#bogus", ALL_SCOPES);

        assertThat(wrongSecret.status()).isEqualTo(401);
        assertThat(wrongSecret.json().path("error").asText()).isEqualTo("invalid_client");
        assertThat(tooMuch.status()).isEqualTo(400);
        assertThat(tooMuch.json().path("error").asText()).isEqualTo("invalid_scope");
        assertThat(unknownGrant.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    @DisplayName("Given a refresh token issued 18 months ago, when it is used, then invalid_grant answers")
    void refreshTokensExpire() {
        start(EbaySimConfig.builder().refreshTokenAge(Duration.ofSeconds(47_304_000 - 60)));
        assertThat(token(sim, EbaySimulator.DEMO.clientSecret(), EbaySimulator.DEMO.refreshToken(), ALL_SCOPES)
                .status()).isEqualTo(200);

        clock.advance(Duration.ofMinutes(2));
        EbayHttp.Reply expired = token(sim, EbaySimulator.DEMO.clientSecret(), EbaySimulator.DEMO.refreshToken(),
                ALL_SCOPES);

        assertThat(expired.status()).isEqualTo(400);
        assertThat(expired.json().path("error").asText()).isEqualTo("invalid_grant");
    }

    @Test
    @DisplayName("Given a user token, when two hours pass or the token lacks the scope, then 401 errorId 1001 or 403 errorId 1100 answers")
    void tokenExpiryAndScopes() {
        start(EbaySimConfig.builder());
        String fulfillmentOnly = token(sim, EbaySimulator.DEMO.clientSecret(), EbaySimulator.DEMO.refreshToken(),
                EbayApi.Scopes.FULFILLMENT).json().path("access_token").asText();
        assertThat(get(sim, fulfillmentOnly, "/sell/inventory/v1/inventory_item").errorId()).isEqualTo(1100);

        clock.advance(Duration.ofHours(2));
        EbayHttp.Reply expired = get(sim, fulfillmentOnly, "/sell/fulfillment/v1/order");

        assertThat(expired.status()).isEqualTo(401);
        assertThat(expired.errorId()).isEqualTo(1001);
        assertThat(expired.header("X-EBAY-C-REQUEST-ID")).isNotBlank();
    }

    @Test
    @DisplayName("Given a daily Fulfillment limit of 3, when a 4th call comes the same Pacific day, then 429 errorId 2001 answers until midnight Pacific time")
    void dailyLimits() {
        start(EbaySimConfig.builder().dailyCallLimit(EbayApi.FULFILLMENT, 3));
        String token = accessToken(sim);
        for (int i = 0; i < 3; i++) {
            assertThat(get(sim, token, "/sell/fulfillment/v1/order").status()).isEqualTo(200);
        }

        EbayHttp.Reply exhausted = get(sim, token, "/sell/fulfillment/v1/order");
        EbayHttp.Reply otherApi = get(sim, token, "/sell/inventory/v1/inventory_item");
        EbayHttp.Reply usage = get(sim, token, "/developer/analytics/v1_beta/user_rate_limit/");

        assertThat(exhausted.status()).isEqualTo(429);
        assertThat(exhausted.errorId()).isEqualTo(2001);
        assertThat(otherApi.status()).isEqualTo(200);
        assertThat(usage.body()).contains("\"name\":\"sell.fulfillment\"", "\"remaining\":0",
                "\"reset\":\"2026-03-03T08:00:00.000Z\"");
        clock.set(Instant.parse("2026-03-03T08:00:00Z"));
        token = accessToken(sim);
        assertThat(get(sim, token, "/sell/fulfillment/v1/order").status()).isEqualTo(200);
    }

    @Test
    @DisplayName("Given injected faults, when the API is called, then 429 with Retry-After, the API's 5xx, an expired token and a cut body answer once each")
    void faults() {
        start(EbaySimConfig.builder());
        String token = accessToken(sim);
        sim.faults().next("getOrders", Fault.rateLimit(Duration.ofSeconds(7)));
        sim.faults().next("getOrders", Fault.serverError(503));
        sim.faults().next("getOrders", Fault.malformedJson());
        sim.faults().next(EbaySimulator.OAUTH_TOKEN, Fault.invalidGrant());

        EbayHttp.Reply throttled = get(sim, token, "/sell/fulfillment/v1/order");
        EbayHttp.Reply down = get(sim, token, "/sell/fulfillment/v1/order");
        EbayHttp.Reply cut = get(sim, token, "/sell/fulfillment/v1/order");
        EbayHttp.Reply refused = token(sim, EbaySimulator.DEMO.clientSecret(), EbaySimulator.DEMO.refreshToken(),
                ALL_SCOPES);
        sim.faults().next("*", Fault.expiredToken());
        EbayHttp.Reply expired = get(sim, token, "/sell/fulfillment/v1/order");
        EbayHttp.Reply stillExpired = get(sim, token, "/sell/fulfillment/v1/order");

        assertThat(throttled.status()).isEqualTo(429);
        assertThat(throttled.header("Retry-After")).isEqualTo("7");
        assertThat(down.status()).isEqualTo(503);
        assertThat(down.errorId()).isEqualTo(30500);
        assertThat(cut.status()).isEqualTo(200);
        assertThat(cut.body()).doesNotEndWith("}");
        assertThat(refused.json().path("error").asText()).isEqualTo("invalid_grant");
        assertThat(expired.errorId()).isEqualTo(1001);
        assertThat(stillExpired.errorId()).isEqualTo(1001);
        assertThat(sim.requestLog().count("getOrders", 429)).isEqualTo(1);
    }
}
