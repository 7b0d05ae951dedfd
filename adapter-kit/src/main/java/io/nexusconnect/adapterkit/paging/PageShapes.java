package io.nexusconnect.adapterkit.paging;

import com.fasterxml.jackson.databind.JsonNode;

/**
 * Where the marketplaces put "the next page" in their JSON answers. Each returns null when the answer says there is
 * no next page; missing fields are read as "no next page", never as an error (tolerant reader).
 */
public final class PageShapes {
    private PageShapes() {
    }

    /**
     * A token at a JSON pointer: {@code /payload/NextToken} (Amazon Orders v0), {@code /pagination/nextToken} (Amazon
     * Listings), {@code /list/meta/nextCursor} (Walmart orders), {@code /nextCursor} (Walmart items).
     */
    public static String token(JsonNode body, String jsonPointer) {
        return text(body == null ? null : body.at(jsonPointer));
    }

    /**
     * The next page's link: JSON:API and bol {@code links.next} (a string, or an object with {@code href}), HAL
     * {@code _links.next.href}, or eBay's top-level {@code next}.
     */
    public static String nextLink(JsonNode body) {
        if (body == null) {
            return null;
        }
        for (JsonNode candidate : new JsonNode[]{body.path("links").path("next"), body.path("_links").path("next"),
                body.path("next")}) {
            String link = candidate.isObject() ? text(candidate.path("href")) : text(candidate);
            if (link != null) {
                return link;
            }
        }
        return null;
    }

    /**
     * A GraphQL (Relay) connection's next cursor: {@code pageInfo.endCursor} while {@code pageInfo.hasNextPage} is
     * true (Shopify). {@code connection} is the node holding {@code pageInfo}, e.g. {@code data.orders}.
     */
    public static String graphQlEndCursor(JsonNode connection) {
        if (connection == null) {
            return null;
        }
        JsonNode pageInfo = connection.path("pageInfo");
        return pageInfo.path("hasNextPage").asBoolean(false) ? text(pageInfo.path("endCursor")) : null;
    }

    /** A total at a JSON pointer ({@code /total}, {@code /pagination/total}); -1 when absent or not a number. */
    public static long total(JsonNode body, String jsonPointer) {
        JsonNode node = body == null ? null : body.at(jsonPointer);
        if (node == null || node.isMissingNode() || node.isNull()) {
            return -1;
        }
        if (node.isNumber()) {
            return node.asLong();
        }
        return node.isTextual() && node.asText().matches("\\d+") ? Long.parseLong(node.asText()) : -1;
    }

    private static String text(JsonNode node) {
        if (node == null || !node.isTextual()) {
            return null;
        }
        String value = node.asText();
        return value.isBlank() ? null : value;
    }
}
