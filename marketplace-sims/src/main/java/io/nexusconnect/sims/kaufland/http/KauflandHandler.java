package io.nexusconnect.sims.kaufland.http;

import io.nexusconnect.sims.common.http.SimResponse;

/** Answers one Kaufland operation. */
@FunctionalInterface
public interface KauflandHandler {
    SimResponse handle(KauflandCall call);
}
