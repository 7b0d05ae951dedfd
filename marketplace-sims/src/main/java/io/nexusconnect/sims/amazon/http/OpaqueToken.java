package io.nexusconnect.sims.amazon.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.Base64;
import java.util.HexFormat;

/**
 * Paging tokens: base64url JSON that clients must treat as opaque, like Amazon's. They carry a position, not a
 * result set, so paging stays correct while data changes, plus a fingerprint of the filters they were issued for.
 */
public final class OpaqueToken {
    private OpaqueToken() {
    }

    public static String encode(ObjectNode content) {
        return Base64.getUrlEncoder().withoutPadding().encodeToString(Json.bytes(content));
    }

    /** The content, or null when the token was not issued here (not base64url JSON). */
    public static ObjectNode decode(String token) {
        try {
            JsonNode node = Json.parseOrNull(new String(Base64.getUrlDecoder().decode(token), StandardCharsets.UTF_8));
            return node instanceof ObjectNode object ? object : null;
        } catch (IllegalArgumentException e) {
            return null;
        }
    }

    /** A short stable hash of a canonical description of the filters. */
    public static String fingerprint(String canonicalFilters) {
        try {
            byte[] digest = MessageDigest.getInstance("SHA-256")
                    .digest(canonicalFilters.getBytes(StandardCharsets.UTF_8));
            return HexFormat.of().formatHex(digest, 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }
}
