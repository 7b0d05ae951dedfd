package io.nexusconnect.sims.amazon.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.amazon.SellerAccount;
import io.nexusconnect.sims.common.http.Json;
import io.vertx.core.MultiMap;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * One authorized SP-API request as handlers see it: who calls (the selling partner the access token belongs to),
 * the decoded path parameters, the query string and the body.
 */
public record SpApiCall(String operationId, SellerAccount seller, Map<String, String> pathParams, MultiMap query,
                        MultiMap headers, String body, Instant now) {

    public String path(String name) {
        return pathParams.get(name);
    }

    public boolean has(String name) {
        return query.contains(name);
    }

    /** The single value of a query parameter, or null; a repeated parameter is a client error. */
    public String query(String name) {
        List<String> values = query.getAll(name);
        if (values.isEmpty()) {
            return null;
        }
        if (values.size() > 1) {
            throw SpApiException.invalidInput("Parameter " + name + " must be given once.");
        }
        return values.getFirst();
    }

    /** A list parameter: comma-separated ({@code collectionFormat: csv}) and/or repeated; empty items dropped. */
    public List<String> queryList(String name) {
        List<String> values = new ArrayList<>();
        for (String raw : query.getAll(name)) {
            for (String part : raw.split(",")) {
                if (!part.isBlank()) {
                    values.add(part.trim());
                }
            }
        }
        return values;
    }

    public JsonNode bodyJson() {
        return Json.parseOrNull(body);
    }
}
