package io.nexusconnect.sims.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.amazon.model.OrderStatus;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.common.SimClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

import static io.nexusconnect.sims.amazon.SimHttp.encode;
import static io.nexusconnect.sims.amazon.SimHttp.get;
import static org.assertj.core.api.Assertions.assertThat;

class GetOrdersTest extends AmazonSimTest {
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");
    private static final SimClock CLOCK = new SimClock(START);
    private static final String MARKETPLACE = "MarketplaceIds=ATVPDKIKX0DER";
    private String token;

    @Override
    AmazonSimConfig config() {
        return AmazonSimConfig.builder().orderCount(230).listingCount(30).clock(CLOCK)
                .accessTokenTtl(Duration.ofDays(30)).build();
    }

    @BeforeAll
    void start() {
        token = SimHttp.demoToken(sim);
    }

    private SimHttp.Reply orders(String query) {
        return get(sim.baseUrl() + "/orders/v0/orders?" + query, token);
    }

    private String iso(Instant instant) {
        return encode(instant.toString());
    }

    /** Pages through getOrders like an adapter; answers the ids in the order served. */
    private List<String> pageThrough(String filters) {
        List<String> ids = new ArrayList<>();
        String nextToken = null;
        do {
            SimHttp.Reply reply = orders(filters + (nextToken == null ? "" : "&NextToken=" + encode(nextToken)));
            assertThat(reply.status()).as(reply.body()).isEqualTo(200);
            JsonNode payload = reply.json().path("payload");
            payload.path("Orders").forEach(o -> ids.add(o.path("AmazonOrderId").asText()));
            nextToken = payload.path("NextToken").asText(null);
        } while (nextToken != null);
        return ids;
    }

    @Test
    @DisplayName("Given 230 seeded orders, when getOrders is paged 25 at a time with the original filters, then every order comes exactly once over 10 pages")
    void pagingReturnsEveryOrderOnce() {
        long before = sim.requestLog().count("getOrders");

        List<String> ids = pageThrough(MARKETPLACE + "&LastUpdatedAfter=" + iso(START.minus(Duration.ofDays(31)))
                + "&MaxResultsPerPage=25");

        assertThat(ids).doesNotHaveDuplicates();
        assertThat(new HashSet<>(ids)).isEqualTo(sim.orders().stream().map(SimOrder::amazonOrderId)
                .collect(java.util.stream.Collectors.toSet()));
        assertThat(sim.requestLog().count("getOrders") - before).isEqualTo(10);
    }

    @Test
    @DisplayName("Given no LastUpdatedBefore, when getOrders is called, then the window ends two minutes before now and the payload says so")
    void defaultBeforeIsTwoMinutesAgo() {
        SimHttp.Reply reply = orders(MARKETPLACE + "&LastUpdatedAfter=" + iso(START.minus(Duration.ofDays(1))));

        assertThat(reply.status()).isEqualTo(200);
        assertThat(reply.json().path("payload").path("LastUpdatedBefore").asText())
                .isEqualTo(CLOCK.instant().minus(Duration.ofMinutes(2)).toString());
        reply.json().path("payload").path("Orders").forEach(o -> assertThat(Instant.parse(
                o.path("LastUpdateDate").asText())).isBetween(START.minus(Duration.ofDays(1)), CLOCK.instant()));
    }

    @Test
    @DisplayName("Given LastUpdatedBefore less than two minutes ago, when getOrders is called, then 400 InvalidInput; exactly two minutes is accepted")
    void twoMinuteRule() {
        String after = "&LastUpdatedAfter=" + iso(START.minus(Duration.ofDays(2)));
        Instant now = CLOCK.instant();

        SimHttp.Reply tooRecent = orders(MARKETPLACE + after + "&LastUpdatedBefore=" + iso(now.minusSeconds(60)));
        SimHttp.Reply onTheEdge = orders(MARKETPLACE + after + "&LastUpdatedBefore=" + iso(now.minusSeconds(120)));
        SimHttp.Reply createdTooRecent = orders(MARKETPLACE + "&CreatedAfter=" + iso(START.minus(Duration.ofDays(2)))
                + "&CreatedBefore=" + iso(now));

        assertThat(tooRecent.status()).isEqualTo(400);
        assertThat(tooRecent.error("code")).isEqualTo("InvalidInput");
        assertThat(tooRecent.error("message"))
                .isEqualTo("The input you have submitted is not valid. Please check your input and try again.");
        assertThat(onTheEdge.status()).isEqualTo(200);
        assertThat(createdTooRecent.status()).isEqualTo(400);
    }

    @Test
    @DisplayName("Given an order updated just now, when the window is read before and after two minutes pass, then it appears only once the lag is over")
    void freshUpdatesAppearAfterTheLag() {
        SimOrder order = sim.orders().stream().filter(o -> o.status() == OrderStatus.UNSHIPPED).findFirst().orElseThrow();
        Instant windowStart = CLOCK.instant().minus(Duration.ofMinutes(2));
        SimOrder updated = sim.updateOrder(order.amazonOrderId(), OrderStatus.SHIPPED);
        assertThat(updated.lastUpdateDate()).isEqualTo(CLOCK.instant());
        String filters = MARKETPLACE + "&LastUpdatedAfter=" + iso(windowStart);

        List<String> rightAway = pageThrough(filters);
        CLOCK.advance(Duration.ofMinutes(2));
        List<String> later = pageThrough(filters);

        assertThat(rightAway).doesNotContain(order.amazonOrderId());
        assertThat(later).contains(order.amazonOrderId());
        JsonNode shipped = get(sim.baseUrl() + "/orders/v0/orders/" + order.amazonOrderId(), token).json()
                .path("payload");
        assertThat(shipped.path("OrderStatus").asText()).isEqualTo("Shipped");
        assertThat(shipped.path("NumberOfItemsUnshipped").asInt()).isZero();
    }

    @Test
    @DisplayName("Given CreatedAfter, when getOrders pages, then orders come by PurchaseDate ascending and the payload carries CreatedBefore")
    void createdAfterWindow() {
        Instant after = START.minus(Duration.ofDays(10));
        SimHttp.Reply first = orders(MARKETPLACE + "&CreatedAfter=" + iso(after) + "&MaxResultsPerPage=100");

        assertThat(first.json().path("payload").has("CreatedBefore")).isTrue();
        List<Instant> purchased = new ArrayList<>();
        first.json().path("payload").path("Orders").forEach(o -> purchased.add(Instant.parse(o.path("PurchaseDate").asText())));
        assertThat(purchased).isSorted().allMatch(p -> !p.isBefore(after));
        long expected = sim.orders().stream().filter(o -> !o.purchaseDate().isBefore(after)).count();
        assertThat(pageThrough(MARKETPLACE + "&CreatedAfter=" + iso(after))).hasSize((int) expected);
    }

    @Test
    @DisplayName("Given OrderStatuses and FulfillmentChannels filters, when getOrders is called, then only matching orders are returned")
    void statusAndChannelFilters() {
        List<String> ids = pageThrough(MARKETPLACE + "&LastUpdatedAfter=" + iso(START.minus(Duration.ofDays(31)))
                + "&OrderStatuses=Unshipped,PartiallyShipped&FulfillmentChannels=MFN");

        Set<String> expected = new HashSet<>();
        sim.orders().stream().filter(o -> (o.status() == OrderStatus.UNSHIPPED || o.status() == OrderStatus.PARTIALLY_SHIPPED)
                && o.fulfillmentChannel().name().equals("MFN") && !o.lastUpdateDate().isAfter(CLOCK.instant().minus(Duration.ofMinutes(2))))
                .forEach(o -> expected.add(o.amazonOrderId()));
        assertThat(new HashSet<>(ids)).isEqualTo(expected).isNotEmpty();
    }

    @Test
    @DisplayName("Given a NextToken, when the next page is asked with different filters, then 400 InvalidInput")
    void nextTokenNeedsTheOriginalFilters() {
        String filters = MARKETPLACE + "&LastUpdatedAfter=" + iso(START.minus(Duration.ofDays(31))) + "&MaxResultsPerPage=5";
        String nextToken = orders(filters).json().path("payload").path("NextToken").asText();

        SimHttp.Reply onlyToken = orders(MARKETPLACE + "&NextToken=" + encode(nextToken));
        SimHttp.Reply otherFilter = orders(filters + "&OrderStatuses=Shipped&NextToken=" + encode(nextToken));
        SimHttp.Reply forged = orders(filters + "&NextToken=not-a-token");
        SimHttp.Reply same = orders(filters + "&NextToken=" + encode(nextToken));

        assertThat(onlyToken.status()).isEqualTo(400);
        assertThat(otherFilter.status()).isEqualTo(400);
        assertThat(forged.status()).isEqualTo(400);
        assertThat(same.status()).isEqualTo(200);
    }

    @ParameterizedTest(name = "{0}")
    @ValueSource(strings = {
            "LastUpdatedAfter=2026-01-01T00:00:00Z",
            "MarketplaceIds=ATVPDKIKX0DER",
            "MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2026-01-01T00:00:00Z&LastUpdatedAfter=2026-01-01T00:00:00Z",
            "MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2026-01-01T00:00:00Z&LastUpdatedBefore=2026-02-01T00:00:00Z",
            "MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01T00:00:00Z&CreatedBefore=2026-02-01T00:00:00Z",
            "MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01",
            "MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=yesterday",
            "MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-02-01T00:00:00Z&LastUpdatedBefore=2026-01-01T00:00:00Z",
            "MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01T00:00:00Z&MaxResultsPerPage=0",
            "MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01T00:00:00Z&MaxResultsPerPage=101",
            "MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01T00:00:00Z&MaxResultsPerPage=ten",
            "MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01T00:00:00Z&OrderStatuses=Lost",
            "MarketplaceIds=ATVPDKIKX0DER&LastUpdatedAfter=2026-01-01T00:00:00Z&FulfillmentChannels=FBA",
            "MarketplaceIds=A1PA6795UKMFR9&LastUpdatedAfter=2026-01-01T00:00:00Z",
            "MarketplaceIds=ATVPDKIKX0DER&CreatedAfter=2026-01-01T00:00:00Z&SellerOrderId=1&OrderStatuses=Shipped"})
    @DisplayName("Given invalid getOrders parameters, when called, then 400 with an InvalidInput ErrorList")
    void invalidParameters(String query) {
        SimHttp.Reply reply = orders(query);

        assertThat(reply.status()).as(reply.body()).isEqualTo(400);
        assertThat(reply.error("code")).isEqualTo("InvalidInput");
        assertThat(reply.error("details")).isNotBlank();
        assertThat(reply.header("x-amzn-RateLimit-Limit")).isEqualTo("0.0167");
    }
}
