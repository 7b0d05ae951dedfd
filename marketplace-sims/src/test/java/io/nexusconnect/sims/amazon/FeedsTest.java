package io.nexusconnect.sims.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.common.SimClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.List;

import static io.nexusconnect.sims.amazon.SimHttp.get;
import static io.nexusconnect.sims.amazon.SimHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

class FeedsTest extends AmazonSimTest {
    private static final SimClock CLOCK = new SimClock(Instant.parse("2026-03-02T10:00:00Z"));
    private static final String SELLER = AmazonSimulator.DEMO.sellingPartnerId();
    private static final String CONTENT_TYPE = "application/json; charset=UTF-8";
    private String token;
    private String feeds;

    @Override
    AmazonSimConfig config() {
        return AmazonSimConfig.builder().orderCount(5).listingCount(30).clock(CLOCK)
                .accessTokenTtl(Duration.ofDays(30)).build();
    }

    @BeforeAll
    void start() {
        token = SimHttp.demoToken(sim);
        feeds = sim.baseUrl() + "/feeds/2021-06-30";
    }

    @Test
    @DisplayName("Given an uploaded listings feed, when it is created and polled, then it is queued, in progress, then DONE after the processing delay, and its report accepts the valid message and names the invalid ones per SKU")
    void feedProcessedWithReport() {
        // given two seller-fulfilled listings, a PATCH that sets one to 17, one that sets an FBA channel, and an unknown SKU
        List<SimListing> mfn = sim.listings().stream().filter(l -> !l.fulfilledByAmazon()).limit(2).toList();
        String document = "{\"header\":{\"sellerId\":\"" + SELLER + "\",\"version\":\"2.0\"},\"messages\":["
                + message(1, mfn.get(0).sku(), "DEFAULT", "17") + "," + message(2, mfn.get(1).sku(), "AMAZON_NA", "5") + ","
                + message(3, "NO-SUCH-SKU", "DEFAULT", "1") + "]}";

        // when the document is created, uploaded without a token, and the feed created
        String feedId = submit(document);

        // then it is queued, then in progress, and nothing changed yet
        assertThat(feed(feedId).path("processingStatus").asText()).isEqualTo("IN_QUEUE");
        CLOCK.advance(Duration.ofSeconds(40));
        assertThat(feed(feedId).path("processingStatus").asText()).isEqualTo("IN_PROGRESS");
        assertThat(sim.listing(mfn.get(0).sku()).orElseThrow().quantity()).isNotEqualTo(17);

        // when the processing delay has passed
        CLOCK.advance(Duration.ofSeconds(90));
        JsonNode done = feed(feedId);

        // then it is DONE with a result document whose report follows the processing report schema
        assertThat(done.path("processingStatus").asText()).isEqualTo("DONE");
        JsonNode report = report(done.path("resultFeedDocumentId").asText());
        assertThat(report.path("header").path("feedId").asText()).isEqualTo(feedId);
        assertThat(report.path("summary").path("messagesProcessed").asInt()).isEqualTo(3);
        assertThat(report.path("summary").path("messagesAccepted").asInt()).isEqualTo(1);
        assertThat(report.path("summary").path("messagesInvalid").asInt()).isEqualTo(2);
        assertThat(report.path("issues").findValuesAsText("sku")).containsExactlyInAnyOrder(mfn.get(1).sku(), "NO-SUCH-SKU");
        assertThat(report.path("issues").findValuesAsText("severity")).containsOnly("ERROR");
        assertThat(sim.listing(mfn.get(0).sku()).orElseThrow().quantity()).isEqualTo(17);
    }

    @Test
    @DisplayName("Given a feed marked to fail, when it is processed, then it ends FATAL with a feed-level issue and changes nothing")
    void fatalFeed() {
        SimListing listing = sim.listings().stream().filter(l -> !l.fulfilledByAmazon()).skip(3).findFirst().orElseThrow();
        int before = listing.quantity();
        sim.feeds().failNext("The feed could not be processed.");
        String feedId = submit("{\"header\":{\"sellerId\":\"" + SELLER + "\",\"version\":\"2.0\"},\"messages\":["
                + message(1, listing.sku(), "DEFAULT", Integer.toString(before + 3)) + "]}");

        CLOCK.advance(Duration.ofMinutes(3));
        JsonNode fatal = feed(feedId);

        assertThat(fatal.path("processingStatus").asText()).isEqualTo("FATAL");
        JsonNode report = report(fatal.path("resultFeedDocumentId").asText());
        assertThat(report.path("issues").path(0).has("messageId")).isFalse();
        assertThat(report.path("issues").path(0).path("message").asText()).isEqualTo("The feed could not be processed.");
        assertThat(sim.listing(listing.sku()).orElseThrow().quantity()).isEqualTo(before);
    }

    @Test
    @DisplayName("Given a feed document URL, when it is used with another Content-Type or a forged signature, then storage refuses it")
    void presignedUrlIsChecked() {
        JsonNode created = SimHttp.send("POST", feeds + "/documents", token, "{\"contentType\":\"" + CONTENT_TYPE + "\"}").json();
        String url = created.path("url").asText();

        assertThat(SimHttp.put(url, "text/plain", "{}").status()).isEqualTo(403);
        assertThat(SimHttp.put(url.replaceAll("Signature=[0-9a-f]{4}", "Signature=0000"), CONTENT_TYPE, "{}").status())
                .isEqualTo(403);
        assertThat(SimHttp.put(url, CONTENT_TYPE, "{}").status()).isEqualTo(200);
    }

    private String submit(String document) {
        SimHttp.Reply created = send("POST", feeds + "/documents", token, "{\"contentType\":\"" + CONTENT_TYPE + "\"}");
        assertThat(created.status()).as(created.body()).isEqualTo(201);
        assertThat(SimHttp.put(created.json().path("url").asText(), CONTENT_TYPE, document).status()).isEqualTo(200);
        SimHttp.Reply feed = send("POST", feeds + "/feeds", token, "{\"feedType\":\"JSON_LISTINGS_FEED\",\"marketplaceIds\":"
                + "[\"ATVPDKIKX0DER\"],\"inputFeedDocumentId\":\"" + created.json().path("feedDocumentId").asText() + "\"}");
        assertThat(feed.status()).as(feed.body()).isEqualTo(202);
        return feed.json().path("feedId").asText();
    }

    private JsonNode feed(String feedId) {
        SimHttp.Reply reply = get(feeds + "/feeds/" + feedId, token);
        assertThat(reply.status()).as(reply.body()).isEqualTo(200);
        return reply.json();
    }

    private JsonNode report(String documentId) {
        SimHttp.Reply document = get(feeds + "/documents/" + documentId, token);
        assertThat(document.status()).as(document.body()).isEqualTo(200);
        SimHttp.Reply content = get(document.json().path("url").asText(), null);
        assertThat(content.status()).isEqualTo(200);
        return content.json();
    }

    private String message(int id, String sku, String channel, String quantity) {
        return "{\"messageId\":" + id + ",\"sku\":\"" + sku + "\",\"operationType\":\"PATCH\",\"productType\":\"PRODUCT\","
                + "\"patches\":[{\"op\":\"merge\",\"path\":\"/attributes/fulfillment_availability\",\"value\":"
                + "[{\"fulfillment_channel_code\":\"" + channel + "\",\"quantity\":" + quantity + "}]}]}";
    }
}
