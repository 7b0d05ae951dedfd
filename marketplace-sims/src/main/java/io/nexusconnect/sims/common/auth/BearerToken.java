package io.nexusconnect.sims.common.auth;

/** The access token an API call presents: {@code Authorization: Bearer <token>} (the scheme in any case, RFC 7235). */
public final class BearerToken {
    private BearerToken() {
    }

    /** The token, or null when the header is missing or of another scheme. */
    public static String of(String authorization) {
        if (authorization == null || !authorization.regionMatches(true, 0, "Bearer ", 0, 7)) {
            return null;
        }
        return authorization.substring(7).trim();
    }
}
