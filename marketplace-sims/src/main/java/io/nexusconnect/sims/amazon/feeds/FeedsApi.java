package io.nexusconnect.sims.amazon.feeds;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.amazon.http.Processing;
import io.nexusconnect.sims.amazon.http.SpApiCall;
import io.nexusconnect.sims.amazon.http.SpApiErrors;
import io.nexusconnect.sims.amazon.http.SpApiException;
import io.nexusconnect.sims.amazon.listings.ListingsFeedProcessor;
import io.nexusconnect.sims.amazon.state.SellerStore;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Function;

/**
 * Feeds API 2021-06-30 for {@code JSON_LISTINGS_FEED}: createFeedDocument, createFeed, getFeed, getFeedDocument
 * (BEHAVIOR.md, "Feeds API"). A feed is processed after a delay (default 2 minutes, divided by the speed factor like
 * the rates), and lazily: the first getFeed at or after its end applies the messages and writes the report.
 */
public final class FeedsApi {
    public static final String JSON_LISTINGS_FEED = "JSON_LISTINGS_FEED";
    public static final Duration DEFAULT_PROCESSING_DELAY = Duration.ofMinutes(2);

    private final Function<String, SellerStore> stores;
    private final FeedDocuments documents;
    private final Clock clock;
    private final double speedFactor;
    private final Map<String, SimFeed> feeds = new ConcurrentHashMap<>();
    private final AtomicLong nextFeedId = new AtomicLong(50_001_019_000L);
    private volatile Duration processingDelay = DEFAULT_PROCESSING_DELAY;
    private final AtomicReference<String> nextFatal = new AtomicReference<>();
    private final Set<String> refused = ConcurrentHashMap.newKeySet();

    public FeedsApi(Function<String, SellerStore> stores, FeedDocuments documents, Clock clock, double speedFactor) {
        this.stores = stores;
        this.documents = documents;
        this.clock = clock;
        this.speedFactor = speedFactor;
    }

    /** How long Amazon takes from createFeed to DONE, in Amazon's time (divided by the speed factor here). */
    public FeedsApi processingDelay(Duration delay) {
        this.processingDelay = delay;
        return this;
    }

    /** The next feed to finish ends FATAL with this message in its report, whatever its content (for tests). */
    public void failNext(String message) {
        nextFatal.set(message);
    }

    /**
     * Messages of this SKU are found invalid (90000900 "The attributes are invalid.", like the INVALID_SUBMISSION
     * fault of patchListingsItem) in every feed processed from now on, until {@link #clearRefusals()}.
     */
    public void refuse(String sku) {
        refused.add(sku);
    }

    public void clearRefusals() {
        refused.clear();
    }

    /** Every feed created so far, oldest first (for tests). */
    public List<String> feedIds() {
        List<String> ids = new ArrayList<>(feeds.keySet());
        ids.sort(String::compareTo);
        return ids;
    }

    /** {@code POST /feeds/2021-06-30/documents}: 201 {feedDocumentId, url}. */
    public SimResponse createFeedDocument(SpApiCall call) {
        JsonNode body = call.bodyJson();
        if (body == null || !body.path("contentType").isTextual() || body.path("contentType").asText().isBlank()) {
            throw SpApiException.invalidInput("'contentType' is required.");
        }
        FeedDocuments.Document document = documents.create(call.seller().sellingPartnerId(),
                body.path("contentType").asText());
        return SimResponse.json(201, Json.object().put("feedDocumentId", document.id()).put("url", documents.url(document)));
    }

    /** {@code POST /feeds/2021-06-30/feeds}: 202 {feedId}. */
    public SimResponse createFeed(SpApiCall call) {
        JsonNode body = call.bodyJson();
        if (body == null || !body.path("feedType").isTextual() || !body.path("inputFeedDocumentId").isTextual()
                || !body.path("marketplaceIds").isArray() || body.path("marketplaceIds").isEmpty()
                || body.path("marketplaceIds").size() > 25) {
            throw SpApiException.invalidInput("'feedType', 'marketplaceIds' (1 to 25) and 'inputFeedDocumentId' are required.");
        }
        if (!JSON_LISTINGS_FEED.equals(body.path("feedType").asText())) {
            throw SpApiException.invalidInput("Feed type " + body.path("feedType").asText()
                    + " is not simulated; use JSON_LISTINGS_FEED.");
        }
        String seller = call.seller().sellingPartnerId();
        FeedDocuments.Document input = documents.find(body.path("inputFeedDocumentId").asText())
                .filter(d -> d.sellingPartnerId().equals(seller))
                .orElseThrow(() -> SpApiException.invalidInput("Invalid 'inputFeedDocumentId'."));
        List<String> marketplaceIds = new ArrayList<>();
        body.path("marketplaceIds").forEach(m -> marketplaceIds.add(m.asText()));
        Instant now = clock.instant();
        Duration delay = Duration.ofNanos((long) (processingDelay.toNanos() / speedFactor));
        String feedId = Long.toString(nextFeedId.getAndIncrement());
        feeds.put(feedId, new SimFeed(feedId, seller, JSON_LISTINGS_FEED, marketplaceIds, input.id(), now,
                Processing.startAt(now, delay), now.plus(delay), null, null));
        return SimResponse.json(202, Json.object().put("feedId", feedId));
    }

    /** {@code GET /feeds/2021-06-30/feeds/{feedId}}: the Feed, processed first when it is due. */
    public SimResponse getFeed(SpApiCall call) {
        SimFeed feed = feeds.get(call.path("feedId"));
        if (feed == null || !feed.sellingPartnerId().equals(call.seller().sellingPartnerId())) {
            throw new SpApiException(SpApiErrors.notFound("NotFound", "The requested feed was not found."));
        }
        Instant now = clock.instant();
        if (feed.due(now)) {
            feed = feeds.compute(feed.feedId(), (id, current) -> current.due(now) ? process(current) : current);
        }
        ObjectNode json = Json.object().put("feedId", feed.feedId()).put("feedType", feed.feedType());
        ArrayNode ids = json.putArray("marketplaceIds");
        feed.marketplaceIds().forEach(ids::add);
        json.put("createdTime", Json.time(feed.createdTime())).put("processingStatus", feed.status(now));
        if (!now.isBefore(feed.startAt())) {
            json.put("processingStartTime", Json.time(feed.startAt()));
        }
        if (feed.outcome() != null) {
            json.put("processingEndTime", Json.time(feed.doneAt()));
            json.put("resultFeedDocumentId", feed.resultFeedDocumentId());
        }
        return SimResponse.json(200, json);
    }

    /** {@code GET /feeds/2021-06-30/documents/{feedDocumentId}}: {feedDocumentId, url} of a document of the seller. */
    public SimResponse getFeedDocument(SpApiCall call) {
        FeedDocuments.Document document = documents.find(call.path("feedDocumentId"))
                .filter(d -> d.sellingPartnerId().equals(call.seller().sellingPartnerId()))
                .orElseThrow(() -> new SpApiException(SpApiErrors.notFound("NotFound",
                        "The requested feed document was not found.")));
        return SimResponse.json(200, Json.object().put("feedDocumentId", document.id()).put("url", documents.url(document)));
    }

    private SimFeed process(SimFeed feed) {
        SellerStore store = stores.apply(feed.sellingPartnerId());
        String content = documents.find(feed.inputFeedDocumentId()).map(FeedDocuments.Document::content)
                .map(bytes -> new String(bytes, java.nio.charset.StandardCharsets.UTF_8)).orElse(null);
        String forcedFatal = nextFatal.getAndSet(null);
        ObjectNode report;
        String outcome = SimFeed.DONE;
        try {
            if (forcedFatal != null) {
                throw new ListingsFeedProcessor.FatalFeed(forcedFatal);
            }
            if (content == null) {
                throw new ListingsFeedProcessor.FatalFeed("The feed document was never uploaded.");
            }
            Set<String> marketplaceIds = new LinkedHashSet<>(feed.marketplaceIds());
            report = ListingsFeedProcessor.process(store, feed.feedId(), marketplaceIds, content, Set.copyOf(refused));
        } catch (ListingsFeedProcessor.FatalFeed e) {
            outcome = SimFeed.FATAL;
            report = Json.object();
            report.putObject("header").put("sellerId", feed.sellingPartnerId()).put("version", "2.0")
                    .put("feedId", feed.feedId());
            report.putArray("issues").addObject().put("code", "4000000").put("severity", "ERROR")
                    .put("message", e.getMessage());
            report.putObject("summary").put("errors", 1).put("warnings", 0).put("messagesProcessed", 0)
                    .put("messagesAccepted", 0).put("messagesInvalid", 0);
        }
        FeedDocuments.Document result = documents.store(feed.sellingPartnerId(), "application/json", report.toString());
        return feed.processed(outcome, result.id());
    }
}
