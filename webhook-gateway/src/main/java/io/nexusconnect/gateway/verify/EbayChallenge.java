package io.nexusconnect.gateway.verify;

import java.nio.charset.StandardCharsets;

/**
 * eBay's endpoint validation: {@code GET <endpoint>?challenge_code=<code>} is answered with
 * {@code {"challengeResponse": hex(SHA-256(challengeCode + verificationToken + endpoint))}}, UTF-8, in that order,
 * where {@code endpoint} is the exact URL registered as the destination.
 */
public final class EbayChallenge {
    private EbayChallenge() {
    }

    public static String response(String challengeCode, String verificationToken, String endpoint) {
        return Hmac.sha256Hex((challengeCode + verificationToken + endpoint).getBytes(StandardCharsets.UTF_8));
    }
}
