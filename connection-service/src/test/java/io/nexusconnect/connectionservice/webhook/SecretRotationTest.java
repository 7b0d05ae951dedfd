package io.nexusconnect.connectionservice.webhook;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.CredentialSchemas;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class SecretRotationTest {
    private static final Instant T0 = Instant.parse("2026-03-01T10:00:00Z");
    private static final Duration HOUR = Duration.ofHours(1);
    private static final Duration PERIOD = Duration.ofDays(30);
    private final SecretRotation rotation = new SecretRotation(HOUR, HOUR, new WebhookSecretGenerator(new SecureRandom()));

    @Test
    @DisplayName("A new eBay connection without a verification token gets one that fits the schema; its schedule starts")
    void createdGeneratesTheMissingSecret() {
        SecretRotation.Outcome outcome = rotation.created(Marketplace.EBAY, Map.of("appId", "a"), T0);

        String token = outcome.secrets().get("notificationVerificationToken");
        assertThat(CredentialSchemas.of(Marketplace.EBAY).field("notificationVerificationToken").orElseThrow()
                .problemWith(token)).isNull();
        assertThat(outcome.state()).isEqualTo(new SecretRotation.State(T0, null));
        assertThat(rotation.created(Marketplace.EBAY, Map.of(), T0).secrets().get("notificationVerificationToken"))
                .isNotEqualTo(token);
    }

    @Test
    @DisplayName("A token the form brings is kept; Amazon gets neither a secret nor a schedule")
    void createdKeepsWhatTheFormBrings() {
        assertThat(rotation.created(Marketplace.BOL, Map.of("webhookToken", "x".repeat(40)), T0).secrets())
                .containsEntry("webhookToken", "x".repeat(40));
        assertThat(rotation.created(Marketplace.AMAZON, Map.of("refreshToken", "r"), T0))
                .isEqualTo(new SecretRotation.Outcome(Map.of("refreshToken", "r"), SecretRotation.State.NONE));
    }

    @Test
    @DisplayName("Rotation is due once the tenant's period has passed since the last one, the overlap's end once it is reached")
    void dueFollowsTheSchedule() {
        SecretRotation.State state = new SecretRotation.State(T0, T0.plus(HOUR));
        assertThat(rotation.due(Marketplace.KAUFLAND, state, PERIOD, T0.plusSeconds(60))).isEqualTo(SecretRotation.Step.NONE);
        assertThat(rotation.due(Marketplace.KAUFLAND, state, PERIOD, T0.plus(HOUR))).isEqualTo(SecretRotation.Step.END_OVERLAP);
        assertThat(rotation.due(Marketplace.KAUFLAND, state, PERIOD, T0.plus(PERIOD))).isEqualTo(SecretRotation.Step.ROTATE);
        assertThat(rotation.due(Marketplace.SHOPIFY, state, PERIOD, T0.plus(PERIOD))).isEqualTo(SecretRotation.Step.END_OVERLAP);
        assertThat(rotation.nextRotationAt(Marketplace.SHOPIFY, state, PERIOD)).isNull();
    }

    @Test
    @DisplayName("A rotation replaces the secret, keeps the old one as <field>Previous for the overlap and leaves the rest alone")
    void rotateKeepsThePreviousForTheOverlap() {
        Map<String, String> current = Map.of("clientId", "c", "webhookSecret", "old-secret");

        SecretRotation.Outcome outcome = rotation.rotate(Marketplace.WALMART, current, T0);

        assertThat(outcome.secrets()).containsEntry("clientId", "c").containsEntry("webhookSecretPrevious", "old-secret")
                .hasSize(3);
        assertThat(outcome.secrets().get("webhookSecret")).isNotEqualTo("old-secret").hasSize(43);
        assertThat(outcome.state()).isEqualTo(new SecretRotation.State(T0, T0.plus(HOUR)));
        SecretRotation.Outcome ended = rotation.endOverlap(Marketplace.WALMART, outcome.secrets(), outcome.state());
        assertThat(ended.secrets()).doesNotContainKey("webhookSecretPrevious").containsEntry("clientId", "c");
        assertThat(ended.state()).isEqualTo(new SecretRotation.State(T0, null));
    }

    @Test
    @DisplayName("Edit Credentials keeps a generated secret the form leaves empty, and a new Shopify key keeps the old one for the hour")
    void editedKeepsAndOverlaps() {
        SecretRotation.State state = new SecretRotation.State(T0, null);
        Instant later = T0.plus(Duration.ofDays(3));

        SecretRotation.Outcome kept = rotation.edited(Marketplace.KAUFLAND, Map.of("webhookToken", "t1", "clientKey", "k"),
                Map.of("clientKey", "k2"), state, later);
        assertThat(kept.secrets()).isEqualTo(Map.of("webhookToken", "t1", "clientKey", "k2"));
        assertThat(kept.state()).isEqualTo(state);

        SecretRotation.Outcome shopify = rotation.edited(Marketplace.SHOPIFY, Map.of("apiSecretKey", "old"),
                Map.of("apiSecretKey", "new"), SecretRotation.State.NONE, later);
        assertThat(shopify.secrets()).containsEntry("apiSecretKey", "new").containsEntry("apiSecretKeyPrevious", "old");
        assertThat(shopify.state()).isEqualTo(new SecretRotation.State(null, later.plus(HOUR)));

        SecretRotation.Outcome unchanged = rotation.edited(Marketplace.SHOPIFY, shopify.secrets(),
                Map.of("apiSecretKey", "new"), shopify.state(), later.plusSeconds(60));
        assertThat(unchanged.secrets()).containsEntry("apiSecretKeyPrevious", "old");
        assertThat(unchanged.state()).isEqualTo(shopify.state());
    }
}
