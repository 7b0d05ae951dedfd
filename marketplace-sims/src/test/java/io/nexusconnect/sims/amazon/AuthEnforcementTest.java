package io.nexusconnect.sims.amazon;

import io.nexusconnect.sims.common.SimClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static io.nexusconnect.sims.amazon.SimHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

class AuthEnforcementTest extends AmazonSimTest {
    private static final SellerAccount SECOND = new SellerAccount("A2SECONDSELLER", "Second Shop", "A1PA6795UKMFR9",
            "EU", AmazonSimulator.DEMO.lwaClientId(), "Atzr|second-seller-refresh-token");
    private static final SimClock CLOCK = new SimClock(Instant.parse("2026-03-02T10:00:00Z"));
    private String participations;

    @Override
    AmazonSimConfig config() {
        return AmazonSimConfig.builder().orderCount(10).listingCount(5).clock(CLOCK)
                .seller(SECOND).build();
    }

    @BeforeAll
    void start() {
        participations = sim.baseUrl() + "/sellers/v1/marketplaceParticipations";
    }

    @Test
    @DisplayName("Given no x-amz-access-token header, when an operation is called, then 403 Unauthorized says the token is missing")
    void missingToken() {
        SimHttp.Reply reply = get(participations, null);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error("code")).isEqualTo("Unauthorized");
        assertThat(reply.error("message")).isEqualTo("Access to requested resource is denied.");
        assertThat(reply.error("details")).isEqualTo("Access token is missing in the request header.");
        assertThat(reply.header("x-amzn-ErrorType")).isEqualTo("AccessDeniedException");
        assertThat(reply.header("x-amzn-RequestId")).isNotBlank();
    }

    @Test
    @DisplayName("Given a token this simulator never issued, when an operation is called, then 403 says it is revoked, malformed or invalid")
    void invalidToken() {
        SimHttp.Reply reply = get(participations, "Atza|not-issued-here");

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error("details")).isEqualTo("The access token you provided is revoked, malformed or invalid.");
    }

    @Test
    @DisplayName("Given a token older than its TTL, when an operation is called, then 403 says the token has expired")
    void expiredToken() {
        String token = SimHttp.demoToken(sim);
        assertThat(get(participations, token).status()).isEqualTo(200);

        CLOCK.advance(Duration.ofSeconds(3600));
        SimHttp.Reply reply = get(participations, token);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error("code")).isEqualTo("Unauthorized");
        assertThat(reply.error("details")).isEqualTo("The access token you provided has expired.");
    }

    @Test
    @DisplayName("Given a grantless (client_credentials) token, when a seller operation is called, then access is denied")
    void grantlessTokenCannotReadSellerData() {
        String token = SimHttp.postForm(sim.lwaTokenUrl(), Map.of("grant_type", "client_credentials",
                "scope", "sellingpartnerapi::notifications", "client_id", AmazonSimulator.DEMO.lwaClientId(),
                "client_secret", AmazonSimulator.DEMO.lwaClientSecret())).json().path("access_token").asText();

        SimHttp.Reply reply = get(participations, token);

        assertThat(reply.status()).isEqualTo(403);
        assertThat(reply.error("details")).isEmpty();
    }

    @Test
    @DisplayName("Given a valid token, when the test-connection call is made, then 200 carries the request id and the rate in force")
    void validTokenGetsRateHeader() {
        SimHttp.Reply reply = get(participations, SimHttp.demoToken(sim));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.header("x-amzn-RequestId")).isNotBlank();
        assertThat(reply.header("x-amzn-RateLimit-Limit")).isEqualTo("0.016");
        assertThat(reply.json().path("payload").path(0).path("storeName").asText()).isEqualTo("Nexus Demo Store");
        assertThat(reply.json().path("payload").path(0).path("marketplace").path("id").asText())
                .isEqualTo("ATVPDKIKX0DER");
    }

    @Test
    @DisplayName("Given two sellers, when each uses its own token, then each sees its own account and cannot read the other's listings")
    void tokensAreBoundToTheirSeller() {
        String second = SimHttp.token(sim, AmazonSimulator.DEMO.app(), SECOND.refreshToken());

        SimHttp.Reply own = get(participations, second);
        SimHttp.Reply foreign = get(sim.baseUrl() + "/listings/2021-08-01/items/" + AmazonSimulator.DEMO.sellingPartnerId()
                + "?marketplaceIds=ATVPDKIKX0DER", second);

        assertThat(own.json().path("payload").path(0).path("storeName").asText()).isEqualTo("Second Shop");
        assertThat(own.json().path("payload").path(0).path("marketplace").path("defaultCurrencyCode").asText())
                .isEqualTo("EUR");
        assertThat(foreign.status()).isEqualTo(403);
        assertThat(sim.seller(SECOND.sellingPartnerId()).orders()).hasSize(10);
    }

    @Test
    @DisplayName("Given the account operation, when called with a valid token, then the Account payload names the seller's business")
    void getAccount() {
        SimHttp.Reply reply = get(sim.baseUrl() + "/sellers/v1/account", SimHttp.demoToken(sim));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("payload").path("business").path("name").asText()).isEqualTo("Nexus Demo Store");
        assertThat(reply.json().path("payload").path("sellingPlan").asText()).isEqualTo("PROFESSIONAL");
    }

    @Test
    @DisplayName("Given a path no simulated operation has, when it is called, then 404 NotFound")
    void unknownPath() {
        SimHttp.Reply reply = get(sim.baseUrl() + "/catalog/2022-04-01/items", SimHttp.demoToken(sim));

        assertThat(reply.status()).isEqualTo(404);
        assertThat(reply.error("code")).isEqualTo("NotFound");
    }
}
