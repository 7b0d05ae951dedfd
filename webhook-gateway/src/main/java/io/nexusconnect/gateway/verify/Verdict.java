package io.nexusconnect.gateway.verify;

import java.util.Map;

/** What verification concluded about one delivery. */
public sealed interface Verdict {

    /**
     * The delivery is authentic.
     *
     * @param topic   the marketplace's topic or event type, or null
     * @param eventId the marketplace's event id duplicates collapse on, or null when it has none
     * @param headers the headers a consumer needs (never a signature)
     * @param scheme  how it was verified, e.g. {@code shopify-hmac-sha256}
     */
    record Verified(String topic, String eventId, Map<String, String> headers, String scheme) implements Verdict {
    }

    /** The delivery is not accepted; {@code reason} is safe to log (never a secret or a signature). */
    record Rejected(Rejection rejection, String reason) implements Verdict {
    }

    enum Rejection {
        /** signature or token missing, malformed or wrong: 401 */
        UNAUTHENTIC,
        /** signed, but its timestamp is outside the replay window: 401 */
        STALE,
        /** authentic, but for another account than the connection's (e.g. another Shopify shop): 404 */
        NOT_THIS_CONNECTION
    }

    static Verdict unauthentic(String reason) {
        return new Rejected(Rejection.UNAUTHENTIC, reason);
    }
}
