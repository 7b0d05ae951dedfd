package io.nexusconnect.sims.zalando;

import io.vertx.core.MultiMap;

import java.util.Map;

/** One admitted call: path parameters, query, body text, the request's base URL (for JSON:API links). */
record ZalandoCall(Map<String, String> path, MultiMap query, String body, String contentType, String baseUrl) {
}
