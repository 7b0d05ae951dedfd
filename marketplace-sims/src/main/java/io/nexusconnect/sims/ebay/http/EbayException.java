package io.nexusconnect.sims.ebay.http;

import io.nexusconnect.sims.common.http.SimResponse;

/** Ends a request early with a ready eBay error response. */
public final class EbayException extends RuntimeException {
    private final transient SimResponse response;

    public EbayException(SimResponse response) {
        super("eBay error " + response.status(), null, false, false);
        this.response = response;
    }

    public SimResponse response() {
        return response;
    }
}
