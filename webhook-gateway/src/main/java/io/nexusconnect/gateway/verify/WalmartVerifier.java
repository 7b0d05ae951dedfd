package io.nexusconnect.gateway.verify;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.gateway.connections.GatewayConnection;
import io.nexusconnect.gateway.request.WebhookRequest;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Base64;
import java.util.List;

/**
 * Walmart, per the subscription's auth method: signed deliveries carry {@code WM_SEC.SIGNATURE} =
 * base64(HMAC-SHA256(secret, METHOD\nPATH_AND_QUERY\nWM_SEC.TIMESTAMP\nhex(SHA-256(raw body)))) with a replay window
 * on {@code WM_SEC.TIMESTAMP}; a subscription registered with an auth header instead (the connection's
 * {@code webhookAuthHeader} property) carries the secret itself in that header.
 */
public final class WalmartVerifier implements WebhookVerifier {
    public static final String SCHEME_HMAC = "walmart-hmac-sha256";
    public static final String SCHEME_HEADER = "walmart-auth-header";
    static final String SIGNATURE = "WM_SEC.SIGNATURE";
    static final String TIMESTAMP = "WM_SEC.TIMESTAMP";
    private static final List<String> PASSED_ON = List.of(TIMESTAMP, "WM_SEC.KEY_ID");

    private final Clock clock;
    private final Duration replayWindow;

    public WalmartVerifier(Clock clock, Duration replayWindow) {
        this.clock = clock;
        this.replayWindow = replayWindow;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.WALMART;
    }

    @Override
    public Verdict verify(WebhookRequest request, GatewayConnection connection) {
        List<byte[]> secrets = connection.secrets().keys("webhookSecret");
        String authHeader = connection.property("webhookAuthHeader");
        Verdict verdict = authHeader != null ? byAuthHeader(request, secrets, authHeader) : bySignature(request, secrets);
        if (verdict instanceof Verdict.Verified verified) {
            JsonNode body = BodyJson.parse(request.body());
            return new Verdict.Verified(BodyJson.text(body, "source", "eventType"), BodyJson.text(body, "source", "eventId"),
                    request.headers().select(PASSED_ON), verified.scheme());
        }
        return verdict;
    }

    private Verdict bySignature(WebhookRequest request, List<byte[]> secrets) {
        String signature = request.headers().get(SIGNATURE);
        String timestamp = request.headers().get(TIMESTAMP);
        if (signature == null || timestamp == null) {
            return Verdict.unauthentic("no " + SIGNATURE + " or " + TIMESTAMP + " header");
        }
        Instant signedAt;
        byte[] presented;
        try {
            signedAt = Instant.ofEpochSecond(Long.parseLong(timestamp));
            presented = Base64.getDecoder().decode(signature);
        } catch (RuntimeException e) {
            return Verdict.unauthentic(TIMESTAMP + " or " + SIGNATURE + " is malformed");
        }
        byte[] stringToSign = (request.method().toUpperCase(java.util.Locale.ROOT) + "\n" + request.pathAndQuery() + "\n"
                + timestamp + "\n" + Hmac.sha256Hex(request.body())).getBytes(StandardCharsets.UTF_8);
        boolean valid = false;
        for (byte[] secret : secrets) {
            valid |= ConstantTime.equal(Hmac.sha256(secret, stringToSign), presented);
        }
        if (!valid) {
            return Verdict.unauthentic("HMAC does not match");
        }
        // checked after the signature, so an unsigned timestamp never tells a caller anything
        if (Duration.between(signedAt, clock.instant()).abs().compareTo(replayWindow) > 0) {
            return new Verdict.Rejected(Verdict.Rejection.STALE, "signed " + signedAt + ", outside the replay window");
        }
        return new Verdict.Verified(null, null, null, SCHEME_HMAC);
    }

    private Verdict byAuthHeader(WebhookRequest request, List<byte[]> secrets, String headerName) {
        String presented = request.headers().get(headerName);
        if (presented == null) {
            return Verdict.unauthentic("no configured auth header");
        }
        if (presented.regionMatches(true, 0, "Bearer ", 0, 7)) {
            presented = presented.substring(7).trim();
        }
        if (!ConstantTime.equalsAny(secrets, presented.getBytes(StandardCharsets.UTF_8))) {
            return Verdict.unauthentic("auth header does not match");
        }
        return new Verdict.Verified(null, null, null, SCHEME_HEADER);
    }
}
