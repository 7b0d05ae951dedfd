package io.nexusconnect.connectionservice.webhook;

import io.nexusconnect.contracts.connection.CredentialField;

import java.security.SecureRandom;
import java.util.Base64;

/**
 * New webhook secrets: 32 random bytes from {@link SecureRandom}, base64url without padding (43 characters of
 * {@code [A-Za-z0-9_-]}), which every nexus-managed field's pattern accepts and which can sit in a URL path.
 */
public final class WebhookSecretGenerator {
    private static final int BYTES = 32;
    private final SecureRandom random;

    public WebhookSecretGenerator(SecureRandom random) {
        this.random = random;
    }

    /** A fresh secret for {@code field}, checked against the field's own rule. */
    public String next(CredentialField field) {
        byte[] bytes = new byte[BYTES];
        random.nextBytes(bytes);
        String secret = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
        if (field.problemWith(secret) != null) {
            throw new IllegalStateException("a generated secret does not fit field " + field.name());
        }
        return secret;
    }
}
