package io.nexusconnect.sims.amazon.http;

import io.nexusconnect.sims.common.http.SimResponse;

/** Answers one SP-API operation; may throw {@link SpApiException} for validation errors. */
@FunctionalInterface
public interface SpApiHandler {
    SimResponse handle(SpApiCall call);
}
