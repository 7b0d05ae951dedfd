package io.nexusconnect.amazon.stock;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.stock.StockWriter.Rejection;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.StreamSupport;

/**
 * Reads a listings feed processing report (listings-feed-processing-report-schema-v2): {@code issues[]} with
 * {@code messageId}, {@code sku}, {@code code}, {@code severity}, {@code message}, {@code attributeName}, and a
 * {@code summary}. Pure: the report in, the per-SKU verdicts out.
 */
final class FeedReport {
    private FeedReport() {
    }

    /**
     * One rejection per message with an ERROR issue, carrying all its issues; a message the report says was not
     * processed (fewer {@code messagesProcessed} than sent, and no issue names it) is rejected too, since nothing
     * says it was applied. Every other message was accepted.
     */
    static List<Rejection> rejections(JsonNode report, String feedId, Map<Integer, String> skuOf) {
        Map<Integer, List<JsonNode>> byMessage = new LinkedHashMap<>();
        for (JsonNode issue : report.path("issues")) {
            if (issue.path("messageId").canConvertToInt() && issue.path("messageId").asInt() >= 1) {
                byMessage.computeIfAbsent(issue.path("messageId").asInt(), k -> new ArrayList<>()).add(issue);
            }
        }
        List<Rejection> rejections = new ArrayList<>();
        byMessage.forEach((messageId, issues) -> {
            String sku = skuOf.get(messageId);
            if (sku != null && issues.stream().anyMatch(i -> "ERROR".equals(i.path("severity").asText()))) {
                rejections.add(new Rejection(sku, "feed " + feedId + " message " + messageId + " INVALID: "
                        + issues.stream().map(FeedReport::describe).collect(Collectors.joining("; "))));
            }
        });
        JsonNode processed = report.path("summary").path("messagesProcessed");
        if (processed.canConvertToInt() && processed.asInt() < skuOf.size()) {
            skuOf.forEach((messageId, sku) -> {
                if (!byMessage.containsKey(messageId)) {
                    rejections.add(new Rejection(sku, "feed " + feedId + " message " + messageId
                            + ": not among the " + processed.asInt() + " messages the report says were processed"));
                }
            });
        }
        return rejections;
    }

    /** The issues that name no message (the feed as a whole), for a FATAL feed's reason. */
    static String feedIssues(JsonNode report) {
        String issues = StreamSupport.stream(report.path("issues").spliterator(), false)
                .filter(i -> !i.has("messageId"))
                .map(FeedReport::describe)
                .collect(Collectors.joining("; "));
        return issues.isEmpty() ? "no issue given" : issues;
    }

    private static String describe(JsonNode issue) {
        return issue.path("severity").asText("ERROR") + " " + issue.path("code").asText("-") + " "
                + issue.path("message").asText("")
                + (issue.hasNonNull("attributeName") ? " [" + issue.path("attributeName").asText() + "]" : "");
    }
}
