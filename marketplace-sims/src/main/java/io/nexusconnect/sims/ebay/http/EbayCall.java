package io.nexusconnect.sims.ebay.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.common.http.Json;
import io.vertx.core.MultiMap;

import java.time.Instant;
import java.util.Map;

/**
 * One authorized eBay request as handlers see it.
 *
 * @param userId           the seller behind a user token; null for an application token (client credentials)
 * @param clientId         the application the token was minted for
 * @param rejectSubmission the INVALID_SUBMISSION fault hit this call: a write answers its validation rejection
 */
public record EbayCall(String operationId, String userId, String clientId, String baseUrl, String path, Map<String, String> pathParams,
                       MultiMap query, String body, Instant now, boolean rejectSubmission) {

    public String path(String name) {
        return pathParams.get(name);
    }

    public String query(String name) {
        return query.get(name);
    }

    /** Whether the token came from the client-credentials grant (no seller behind it). */
    public boolean applicationToken() {
        return userId == null;
    }

    public JsonNode bodyJson() {
        return Json.parseOrNull(body);
    }
}
