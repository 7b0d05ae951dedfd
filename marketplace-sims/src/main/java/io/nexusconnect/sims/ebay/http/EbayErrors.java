package io.nexusconnect.sims.ebay.http;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.ebay.EbayApi;

/**
 * eBay's REST error body {@code {"errors":[{errorId, domain, category, message, longMessage, parameters}]}}: the common
 * errors of every API (https://developer.ebay.com/develop/api/sell/error_codes) and each API's own codes from the
 * {@code x-response-codes} of shared/specs/ebay/*.json.
 */
public final class EbayErrors {
    private EbayErrors() {
    }

    public static ObjectNode error(long errorId, String domain, String category, String message, String longMessage) {
        ObjectNode error = Json.object().put("errorId", errorId).put("domain", domain).put("category", category)
                .put("message", message);
        if (longMessage != null) {
            error.put("longMessage", longMessage);
        }
        return error;
    }

    public static SimResponse of(int status, ObjectNode... errors) {
        ObjectNode body = Json.object();
        ArrayNode list = body.putArray("errors");
        for (ObjectNode error : errors) {
            list.add(error);
        }
        return SimResponse.json(status, body);
    }

    /** 401 for a missing, unknown or expired access token. */
    public static SimResponse invalidToken() {
        return of(401, error(1001, "OAuth", "REQUEST", "Invalid access token",
                "Invalid access token. Check the value of the Authorization HTTP request header."));
    }

    /** 403 when the token lacks the operation's scope (or the account may not use it). */
    public static SimResponse accessDenied() {
        return of(403, error(1100, "ACCESS", "REQUEST", "Access denied",
                "Insufficient permissions to fulfill the request."));
    }

    /** 429 when the application's daily quota of the API is used up, or the injected RATE_LIMIT fault. */
    public static SimResponse tooManyRequests() {
        return of(429, error(2001, "ACCESS", "REQUEST", "Too many requests",
                "The request limit has been exceeded."));
    }

    /** 500/503 with the API's own system error (Fulfillment 30500, Inventory 25001, Identity 140000). */
    public static SimResponse systemError(EbayApi api, int status) {
        return of(status, error(Long.parseLong(api.systemErrorId()), api.domain(), "APPLICATION",
                api.systemErrorMessage(), null));
    }

    public static SimResponse notFound(EbayApi api, long errorId, String message) {
        return of(404, error(errorId, api.domain(), "REQUEST", message, null));
    }

    public static SimResponse badRequest(EbayApi api, long errorId, String message, String parameter, String value) {
        ObjectNode error = error(errorId, api.domain(), "REQUEST", message, null);
        if (parameter != null) {
            error.putArray("parameters").addObject().put("name", parameter).put("value", value);
        }
        return of(400, error);
    }
}
