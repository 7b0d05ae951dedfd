package io.nexusconnect.sims.ebay.http;

import io.nexusconnect.sims.common.http.SimResponse;

/** Answers one eBay operation; may throw {@link EbayException}. */
@FunctionalInterface
public interface EbayHandler {
    SimResponse handle(EbayCall call);
}
