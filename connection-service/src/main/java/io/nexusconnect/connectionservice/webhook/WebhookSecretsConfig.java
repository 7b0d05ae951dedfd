package io.nexusconnect.connectionservice.webhook;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.security.SecureRandom;
import java.time.Duration;

/** The rotation core with the configured overlap windows and a {@link SecureRandom} generator. */
@ApplicationScoped
public class WebhookSecretsConfig {

    @Produces
    @Singleton
    SecretRotation rotation(@ConfigProperty(name = "nexus.webhooks.secret-overlap", defaultValue = "1h") Duration overlap,
                            @ConfigProperty(name = "nexus.webhooks.marketplace-secret-overlap", defaultValue = "1h")
                            Duration marketplaceOverlap) {
        return new SecretRotation(overlap, marketplaceOverlap, new WebhookSecretGenerator(new SecureRandom()));
    }
}
