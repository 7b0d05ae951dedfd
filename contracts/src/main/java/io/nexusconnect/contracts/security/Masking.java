package io.nexusconnect.contracts.security;

/** How a secret is shown: never whole; the last four characters of long values, so an operator can tell two apart. */
public final class Masking {
    private Masking() {
    }

    public static String mask(String secret) {
        if (secret == null || secret.isEmpty()) {
            return secret;
        }
        if (secret.length() < 12) {
            return "****";
        }
        return "****" + secret.substring(secret.length() - 4);
    }
}
