package io.nexusconnect.sims.kaufland.http;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.common.http.Json;
import io.vertx.core.MultiMap;

import java.time.Instant;
import java.util.Map;

/** One authenticated Kaufland request as handlers see it. */
public record KauflandCall(String operationId, Map<String, String> pathParams, MultiMap query, String body,
                           Instant now, boolean rejectSubmission) {

    public String path(String name) {
        return pathParams.get(name);
    }

    public String query(String name) {
        return query.get(name);
    }

    public JsonNode bodyJson() {
        return Json.parseOrNull(body);
    }
}
