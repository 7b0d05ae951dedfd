package io.nexusconnect.connectionservice.policy;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** Global settings as submitted; loosely typed so every bad value is a field error of its own. Missing = unchanged. */
@Schema(name = "GlobalSettingsInput", description = "Settings > General > Connections; omitted fields keep their value")
public record PolicyInput(
        @Schema(enumeration = {"15m", "1h", "4h", "daily"}, description = "applied to new connections that choose none")
        String defaultSyncInterval,
        @Schema(minimum = "1", maximum = "10", description = "attempts of a failed cycle before it is marked failed")
        Integer retryAttempts,
        @Schema(example = "PT1M", description = "ISO-8601 duration, 1 s to 1 h: the first retry delay, doubling per attempt")
        String retryBackoff,
        @Schema(example = "P90D", description = "ISO-8601 duration in whole days, 1 to 365 days")
        String webhookSecretRotation,
        @Schema(example = "PT1H", description = "ISO-8601 duration, 1 min to 7 days: minimum time between alerts for the same connection error")
        String alertCooldown,
        @Schema(minimum = "1", maximum = "100", description = "N: health is judged over the last N sync cycles")
        Integer healthWindow) {
}
