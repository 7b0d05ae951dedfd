package io.nexusconnect.adapterkit.errors;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.contracts.sync.ErrorCode;

/**
 * The SPI every adapter implements: what a non-successful marketplace answer means, in the terms of the error
 * diagnostics table ({@link ErrorCode}). Only the adapter knows its marketplace's error bodies.
 */
@FunctionalInterface
public interface ErrorClassifier {

    /** The code and a message for the seller, from status and body; never called for a 2xx answer. */
    Classification classify(String operation, MarketplaceResponse response);

    record Classification(ErrorCode code, String message) {
    }

    /** The exception that carries the classified answer, its raw body, request id and Retry-After. */
    default MarketplaceException toException(String operation, MarketplaceResponse response) {
        Classification classification = classify(operation, response);
        return new MarketplaceException(classification.code(), classification.message(), response.status(),
                response.body(), response.requestId().orElse(null), response.retryAfter().orElse(null), null);
    }

    /** A classifier that only knows HTTP: 401 → token expired, 403 → scope missing, 429 → rate limited, 5xx → down. */
    static ErrorClassifier byStatus() {
        return HttpErrorClassifier.statusOnly();
    }
}
