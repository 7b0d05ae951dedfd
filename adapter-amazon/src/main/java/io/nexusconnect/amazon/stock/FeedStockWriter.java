package io.nexusconnect.amazon.stock;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.stock.StockWriter.Rejection;
import io.nexusconnect.amazon.client.AmazonAccount;
import io.nexusconnect.amazon.client.PresignedUrls;
import io.nexusconnect.amazon.client.SpApiClient;
import io.nexusconnect.amazon.client.SpApiPayload;
import io.nexusconnect.amazon.client.model.ListingItem;
import io.nexusconnect.amazon.client.model.ListingsPage;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.sync.ErrorCode;
import jakarta.enterprise.context.ApplicationScoped;
import org.jboss.logging.Logger;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * A large SetStock as {@code JSON_LISTINGS_FEED}s (BEHAVIOR.md, "Bulk stock: listings feed"): the listings are read
 * 20 SKUs per searchListingsItems (product type, FBA-only check, as the PATCH path does per SKU), then per feed of up
 * to 25,000 messages createFeedDocument → PUT the document to the pre-signed URL → createFeed → getFeed until
 * DONE/FATAL/CANCELLED (waits doubling from {@code poll-interval}) → getFeedDocument → GET the processing report.
 * A message with an ERROR issue in the report is a rejection of its SKU; the others were accepted.
 */
@ApplicationScoped
public class FeedStockWriter {
    static final String CONTENT_TYPE = "application/json; charset=UTF-8";
    static final String FEED_TYPE = "JSON_LISTINGS_FEED";
    /** listings-feed-schema-v2: {@code messages} maxItems. */
    static final int MAX_MESSAGES = 25_000;
    /** searchListingsItems: at most 20 identifiers per call. */
    static final int LOOKUP_BATCH = 20;
    private static final Set<String> FINISHED = Set.of("DONE", "FATAL", "CANCELLED");
    private static final Logger LOG = Logger.getLogger(FeedStockWriter.class);

    private final SpApiClient api;
    private final FeedsConfig feeds;
    private final Sleeper sleeper;
    private final Clock clock;
    private final double speedFactor;

    FeedStockWriter(SpApiClient api, FeedsConfig feeds, MarketplaceApis apis, Sleeper sleeper, Clock clock) {
        this.api = api;
        this.feeds = feeds;
        this.sleeper = sleeper;
        this.clock = clock;
        this.speedFactor = apis.settings(SpApiClient.API).speedFactor();
    }

    List<Rejection> setStock(AmazonAccount account, List<SetStock.Item> items) {
        List<Rejection> rejections = new ArrayList<>();
        Map<String, ObjectNode> messages = new LinkedHashMap<>();
        Map<String, ListingItem> listings = lookUp(account, items);
        for (SetStock.Item item : items) {
            ListingItem listing = listings.get(item.sku());
            if (listing == null) {
                rejections.add(new Rejection(item.sku(), "SKU not found in marketplace "
                        + String.join(",", account.marketplaceIds()) + " (searchListingsItems)"));
                continue;
            }
            var fbaOnly = ListingFacts.fulfilledByAmazonOnly(item.sku(), listing);
            if (fbaOnly.isPresent()) {
                rejections.add(fbaOnly.get());
                continue;
            }
            ObjectNode message = Json.mapper().createObjectNode().put("sku", item.sku()).put("operationType", "PATCH");
            messages.put(item.sku(), QuantityPatch.into(message, ListingFacts.productType(listing, account), item.quantity()));
        }
        List<ObjectNode> all = new ArrayList<>(messages.values());
        for (int from = 0; from < all.size(); from += MAX_MESSAGES) {
            rejections.addAll(submit(account, all.subList(from, Math.min(all.size(), from + MAX_MESSAGES))));
        }
        return rejections;
    }

    private Map<String, ListingItem> lookUp(AmazonAccount account, List<SetStock.Item> items) {
        Map<String, ListingItem> found = new HashMap<>();
        List<String> skus = items.stream().map(SetStock.Item::sku).distinct().toList();
        for (int from = 0; from < skus.size(); from += LOOKUP_BATCH) {
            List<String> batch = skus.subList(from, Math.min(skus.size(), from + LOOKUP_BATCH));
            MarketplaceResponse response = api.searchListingsItems(account, q -> q
                    .query("marketplaceIds", String.join(",", account.marketplaceIds()))
                    .query("identifiers", String.join(",", batch))
                    .query("identifiersType", "SKU")
                    .query("includedData", "summaries,fulfillmentAvailability")
                    .query("pageSize", Integer.toString(LOOKUP_BATCH)));
            ListingsPage page = SpApiPayload.body(response, ListingsPage.class);
            if (page.items() == null) {
                throw response.malformed("a search result without items", null);
            }
            page.items().stream().filter(i -> i.sku() != null).forEach(i -> found.put(i.sku(), i));
        }
        return found;
    }

    /** One feed: its messages are numbered from 1 in order; answers the rejections its processing report names. */
    private List<Rejection> submit(AmazonAccount account, List<ObjectNode> batch) {
        ObjectNode document = Json.mapper().createObjectNode();
        document.putObject("header").put("sellerId", account.sellingPartnerId()).put("version", "2.0");
        ArrayNode messages = document.putArray("messages");
        Map<Integer, String> skuOf = new HashMap<>();
        for (ObjectNode message : batch) {
            int messageId = messages.size() + 1;
            ObjectNode numbered = Json.mapper().createObjectNode().put("messageId", messageId);
            numbered.setAll(message);
            messages.add(numbered);
            skuOf.put(messageId, message.path("sku").asText());
        }
        JsonNode created = json(api.postFeeds(account, SpApiClient.CREATE_FEED_DOCUMENT, "documents",
                Json.mapper().createObjectNode().put("contentType", CONTENT_TYPE).toString()), "feedDocumentId", "url");
        URI upload = PresignedUrls.check(account, created.path("url").asText());
        expectSuccess(api.transferDocument(account, "PUT", upload, CONTENT_TYPE, document.toString()), "upload");
        ObjectNode feedRequest = Json.mapper().createObjectNode().put("feedType", FEED_TYPE)
                .put("inputFeedDocumentId", created.path("feedDocumentId").asText());
        ArrayNode ids = feedRequest.putArray("marketplaceIds");
        account.marketplaceIds().forEach(ids::add);
        String feedId = json(api.postFeeds(account, SpApiClient.CREATE_FEED, "feeds", feedRequest.toString()), "feedId")
                .path("feedId").asText();
        JsonNode feed = awaitFinished(account, feedId);
        String status = feed.path("processingStatus").asText();
        if ("CANCELLED".equals(status)) {
            throw new MarketplaceException(ErrorCode.INTERNAL, "feed " + feedId + " was cancelled before processing");
        }
        JsonNode report = report(account, feed, feedId);
        if ("FATAL".equals(status)) {
            // "Some, none, or all of the operations … may have completed": the whole command is retried (absolute
            // quantities are idempotent) and dead-lettered with this reason when it keeps failing
            throw new MarketplaceException(ErrorCode.INTERNAL, "feed " + feedId + " FATAL: " + FeedReport.feedIssues(report));
        }
        List<Rejection> rejections = FeedReport.rejections(report, feedId, skuOf);
        LOG.infof("connection %s: feed %s set %d SKUs, %d rejected", account.connectionId(), feedId, batch.size(),
                rejections.size());
        return rejections;
    }

    private JsonNode awaitFinished(AmazonAccount account, String feedId) {
        Instant giveUp = clock.instant().plus(scaled(feeds.maxWait()));
        Duration wait = feeds.pollInterval();
        while (true) {
            pause(wait);
            JsonNode feed = json(api.getFeed(account, feedId), "processingStatus");
            if (FINISHED.contains(feed.path("processingStatus").asText())) {
                return feed;
            }
            if (clock.instant().isAfter(giveUp)) {
                throw new MarketplaceException(ErrorCode.MARKETPLACE_UNAVAILABLE, "feed " + feedId + " still "
                        + feed.path("processingStatus").asText() + " after " + feeds.maxWait());
            }
            wait = wait.multipliedBy(2).compareTo(feeds.maxPollInterval()) > 0 ? feeds.maxPollInterval() : wait.multipliedBy(2);
        }
    }

    private JsonNode report(AmazonAccount account, JsonNode feed, String feedId) {
        String resultId = feed.path("resultFeedDocumentId").asText("");
        if (resultId.isBlank()) {
            throw new MarketplaceException(ErrorCode.INTERNAL, "feed " + feedId + " "
                    + feed.path("processingStatus").asText() + " without a processing report");
        }
        JsonNode document = json(api.getFeedDocument(account, resultId), "url");
        if (document.hasNonNull("compressionAlgorithm")) {
            throw new MarketplaceException(ErrorCode.INTERNAL, "feed " + feedId + ": the processing report is "
                    + document.path("compressionAlgorithm").asText() + "-compressed, which is not read yet");
        }
        MarketplaceResponse content = api.transferDocument(account, "GET", PresignedUrls.check(account,
                document.path("url").asText()), null, null);
        expectSuccess(content, "report download");
        try {
            return content.json();
        } catch (RuntimeException e) {
            throw content.malformed("a processing report that is not JSON", e);
        }
    }

    private static JsonNode json(MarketplaceResponse response, String... required) {
        JsonNode body;
        try {
            body = response.json();
        } catch (RuntimeException e) {
            throw response.malformed("a feeds answer that is not JSON", e);
        }
        for (String field : required) {
            if (!body.hasNonNull(field)) {
                throw response.malformed("a feeds answer without " + field, null);
            }
        }
        return body;
    }

    private static void expectSuccess(MarketplaceResponse response, String what) {
        if (!response.isSuccess()) {
            throw new MarketplaceException(ErrorCode.MARKETPLACE_UNAVAILABLE, "feed document " + what + " answered "
                    + response.status());
        }
    }

    private Duration scaled(Duration duration) {
        return Duration.ofNanos((long) (duration.toNanos() / speedFactor));
    }

    private void pause(Duration duration) {
        try {
            sleeper.sleep(scaled(duration));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketplaceException(ErrorCode.INTERNAL, "interrupted while waiting for a feed");
        }
    }
}
