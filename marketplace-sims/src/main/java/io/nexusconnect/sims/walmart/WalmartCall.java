package io.nexusconnect.sims.walmart;

import io.vertx.core.MultiMap;

import java.time.Instant;
import java.util.Map;

/** One authorized Walmart request as the operation handlers see it. */
record WalmartCall(String operationId, Map<String, String> pathParams, MultiMap query, String body,
                   String contentType, Instant now, boolean rejectSubmission) {

    String path(String name) {
        return pathParams.get(name);
    }

    String query(String name) {
        return query.get(name);
    }
}
