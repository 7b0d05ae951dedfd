package io.nexusconnect.sims.common.auth;

import java.nio.charset.StandardCharsets;
import java.util.Base64;

/** The client-credentials check of a token endpoint: {@code Authorization: Basic base64(id:secret)}. */
public final class BasicCredentials {
    private BasicCredentials() {
    }

    public static boolean matches(String header, String clientId, String clientSecret) {
        if (header == null || !header.regionMatches(true, 0, "Basic ", 0, 6)) {
            return false;
        }
        try {
            String decoded = new String(Base64.getDecoder().decode(header.substring(6).trim()),
                    StandardCharsets.UTF_8);
            return decoded.equals(clientId + ":" + clientSecret);
        } catch (IllegalArgumentException e) {
            return false;
        }
    }
}
