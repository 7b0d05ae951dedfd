package io.nexusconnect.sims.bol;

import io.vertx.core.MultiMap;

import java.time.Instant;
import java.util.Map;

/** One authorized bol request as the operation handlers see it. */
record BolCall(String operationId, Map<String, String> pathParams, MultiMap query, String body, Instant now) {

    String path(String name) {
        return pathParams.get(name);
    }

    String query(String name) {
        return query.get(name);
    }
}
