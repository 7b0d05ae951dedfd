package io.nexusconnect.connectionservice.policy;

import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.connection.TenantPolicy;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;

import java.time.Duration;
import java.time.Instant;

/** The global connection settings of one tenant (V2 migration); a tenant without a row has the defaults. */
@Entity
@Table(name = "tenant_policies")
public class TenantPolicyEntity {
    @Id
    @Column(name = "tenant_id")
    public String tenantId;
    @Column(name = "default_sync_interval", nullable = false)
    public String defaultSyncInterval;
    @Column(name = "retry_attempts", nullable = false)
    public int retryAttempts;
    @Column(name = "retry_backoff_seconds", nullable = false)
    public long retryBackoffSeconds;
    @Column(name = "alert_cooldown_seconds", nullable = false)
    public long alertCooldownSeconds;
    @Column(name = "webhook_secret_rotation_days", nullable = false)
    public int webhookSecretRotationDays;
    @Column(name = "health_window", nullable = false)
    public int healthWindow;
    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    public TenantPolicy policy() {
        return new TenantPolicy(SyncInterval.of(defaultSyncInterval), retryAttempts, Duration.ofSeconds(retryBackoffSeconds),
                Duration.ofSeconds(alertCooldownSeconds), Duration.ofDays(webhookSecretRotationDays), healthWindow);
    }

    public void apply(TenantPolicy policy, Instant at) {
        defaultSyncInterval = policy.defaultSyncInterval().label();
        retryAttempts = policy.retryAttempts();
        retryBackoffSeconds = policy.retryBackoff().toSeconds();
        alertCooldownSeconds = policy.alertCooldown().toSeconds();
        webhookSecretRotationDays = (int) policy.webhookSecretRotation().toDays();
        healthWindow = policy.healthWindow();
        updatedAt = at;
    }
}
