package io.nexusconnect.connectionservice.policy;

import io.nexusconnect.contracts.connection.TenantPolicy;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.time.Instant;

/** The tenant's global connection settings; durations as ISO-8601. */
@Schema(name = "GlobalSettings")
public record PolicyView(
        @Schema(enumeration = {"15m", "1h", "4h", "daily"}) String defaultSyncInterval,
        int retryAttempts,
        @Schema(example = "PT1M") String retryBackoff,
        @Schema(example = "P90D") String webhookSecretRotation,
        @Schema(example = "PT1H") String alertCooldown,
        int healthWindow,
        @Schema(description = "null while the tenant has the defaults") Instant updatedAt) {

    public static PolicyView of(TenantPolicy p, Instant updatedAt) {
        return new PolicyView(p.defaultSyncInterval().label(), p.retryAttempts(), p.retryBackoff().toString(),
                "P" + p.webhookSecretRotation().toDays() + "D", p.alertCooldown().toString(), p.healthWindow(), updatedAt);
    }
}
