package io.nexusconnect.sims.amazon.listings;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.amazon.http.SpApiException;
import io.nexusconnect.sims.amazon.model.ListingIssue;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.amazon.state.SellerStore;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/**
 * Processes a {@code JSON_LISTINGS_FEED} document (listings-feed-schema-v2) for one seller and writes its processing
 * report (listings-feed-processing-report-schema-v2). PATCH messages go through the same validation as
 * patchListingsItem; PARTIAL_UPDATE messages become {@code replace} patches of the attributes they carry. A message
 * with an ERROR issue changes nothing; the others are applied.
 */
public final class ListingsFeedProcessor {
    /** The schema's maxItems of {@code messages}. */
    public static final int MAX_MESSAGES = 25_000;

    /** A feed whose document cannot be processed at all: its processing status becomes FATAL. */
    public static final class FatalFeed extends RuntimeException {
        public FatalFeed(String message) {
            super(message);
        }
    }

    private ListingsFeedProcessor() {
    }

    /** The processing report of the feed; throws {@link FatalFeed} when the document is not a listings feed v2. */
    public static ObjectNode process(SellerStore store, String feedId, Set<String> marketplaceIds, String document,
                                     Set<String> refusedSkus) {
        JsonNode feed = Json.parseOrNull(document);
        if (feed == null || !feed.isObject()) {
            throw new FatalFeed("The feed document is not valid JSON.");
        }
        JsonNode header = feed.path("header");
        String sellerId = store.seller().sellingPartnerId();
        if (!sellerId.equals(header.path("sellerId").asText()) || !"2.0".equals(header.path("version").asText())) {
            throw new FatalFeed("The feed header must name sellerId " + sellerId + " and version 2.0.");
        }
        JsonNode messages = feed.path("messages");
        if (!messages.isArray() || messages.isEmpty() || messages.size() > MAX_MESSAGES) {
            throw new FatalFeed("The feed must contain 1 to " + MAX_MESSAGES + " messages.");
        }
        ObjectNode report = Json.object();
        ObjectNode reportHeader = report.putObject("header").put("sellerId", sellerId).put("version", "2.0")
                .put("feedId", feedId);
        Set<String> included = new LinkedHashSet<>();
        header.path("report").path("includedData").forEach(d -> included.add(d.asText()));
        if (!included.isEmpty()) {
            ObjectNode r = reportHeader.putObject("report").put("apiVersion", "2021-08-01");
            ArrayNode data = r.putArray("includedData");
            included.forEach(data::add);
        }
        ArrayNode issues = report.putArray("issues");
        List<SimListing> touched = new ArrayList<>();
        int accepted = 0;
        int invalid = 0;
        int errors = 0;
        int warnings = 0;
        for (JsonNode message : messages) {
            List<ListingIssue> found = new ArrayList<>();
            Optional<SimListing> applied = refusedSkus.contains(message.path("sku").asText())
                    ? refuse(message, found) : apply(store, marketplaceIds, message, found);
            int messageId = message.path("messageId").asInt();
            for (ListingIssue issue : found) {
                ObjectNode json = issues.addObject();
                if (messageId >= 1) {
                    json.put("messageId", messageId);
                }
                if (message.path("sku").isTextual()) {
                    json.put("sku", message.path("sku").asText());
                }
                json.put("code", issue.code()).put("severity", issue.severity()).put("message", issue.message());
                if (!issue.attributeNames().isEmpty()) {
                    json.put("attributeName", issue.attributeNames().getFirst());
                }
                if ("ERROR".equals(issue.severity())) {
                    errors++;
                } else if ("WARNING".equals(issue.severity())) {
                    warnings++;
                }
            }
            if (applied.isPresent()) {
                accepted++;
                touched.add(applied.get());
            } else {
                invalid++;
            }
        }
        report.putObject("summary").put("errors", errors).put("warnings", warnings)
                .put("messagesProcessed", messages.size()).put("messagesAccepted", accepted)
                .put("messagesInvalid", invalid);
        if (!included.isEmpty()) {
            ArrayNode items = report.putArray("items");
            touched.forEach(l -> items.add(ListingJson.item(l, included)));
        }
        return report;
    }

    private static Optional<SimListing> apply(SellerStore store, Set<String> marketplaceIds, JsonNode message,
                                              List<ListingIssue> issues) {
        String sku = message.path("sku").asText("");
        if (message.path("messageId").asInt() < 1 || sku.isBlank()) {
            issues.add(error("4000001", "A message needs a messageId of at least 1 and a sku.", List.of()));
            return Optional.empty();
        }
        String operation = message.path("operationType").asText("");
        ObjectNode patch = Json.object().put("productType", message.path("productType").asText(""));
        switch (operation) {
            case "PATCH" -> patch.set("patches", message.path("patches"));
            case "PARTIAL_UPDATE" -> {
                ArrayNode patches = patch.putArray("patches");
                message.path("attributes").fields().forEachRemaining(a -> patches.addObject().put("op", "replace")
                        .put("path", "/attributes/" + a.getKey()).set("value", a.getValue()));
            }
            default -> {
                issues.add(error("4000003", "The operationType '" + operation + "' is not simulated; use PATCH or "
                        + "PARTIAL_UPDATE.", List.of()));
                return Optional.empty();
            }
        }
        return store.atomically(() -> {
            Optional<SimListing> current = store.listing(sku).filter(l -> marketplaceIds.contains(l.marketplaceId()));
            if (current.isEmpty()) {
                issues.add(error("4000004", "SKU '" + sku + "' not found in marketplace "
                        + marketplaceIds.iterator().next() + ".", List.of()));
                return Optional.empty();
            }
            ListingsPatch.Outcome outcome;
            try {
                outcome = ListingsPatch.apply(current.get(), patch, store.now());
            } catch (SpApiException e) {
                issues.add(error("4000002", e.response().bodyText(), List.of()));
                return Optional.empty();
            }
            issues.addAll(outcome.issues());
            if (!outcome.valid()) {
                return Optional.empty();
            }
            return Optional.of(store.putListing(outcome.listing()));
        });
    }

    /** The validation finding of the INVALID_SUBMISSION fault, for a message a test chose to refuse. */
    private static Optional<SimListing> refuse(JsonNode message, List<ListingIssue> issues) {
        List<String> attributes = new ArrayList<>();
        message.path("patches").forEach(p -> attributes.add(p.path("path").asText("").replaceFirst("^/attributes/", "")));
        message.path("attributes").fieldNames().forEachRemaining(attributes::add);
        issues.add(error("90000900", "The attributes are invalid.", attributes));
        return Optional.empty();
    }

    private static ListingIssue error(String code, String message, List<String> attributes) {
        return new ListingIssue(code, message, "ERROR", attributes, List.of("INVALID_ATTRIBUTE"));
    }
}
