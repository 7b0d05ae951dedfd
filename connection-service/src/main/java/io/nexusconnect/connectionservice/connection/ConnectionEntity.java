package io.nexusconnect.connectionservice.connection;

import io.nexusconnect.contracts.connection.ConnectionSettings;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import jakarta.persistence.Version;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.Map;
import java.util.UUID;

/** A marketplace connection of one tenant. Holds credentials only sealed; see {@code V1__...sql} for the columns. */
@Entity
@Table(name = "connections")
public class ConnectionEntity {
    @Id
    public UUID id;

    @Column(name = "tenant_id", nullable = false, updatable = false)
    public String tenantId;

    @Column(nullable = false, updatable = false)
    public String marketplace;

    @Column(name = "account_id")
    public String accountId;

    @Column(nullable = false)
    public String label;

    /** Free text telling accounts of one marketplace apart (e.g. the e-mail of the seller account). */
    @Column
    public String description;

    /** The seller name the last successful Test Connection reported; the shop domain needs no test. */
    @Column(name = "account_name")
    public String accountName;

    /** Identity of the marketplace account (+ Amazon marketplace ids): two live connections may not share it. */
    @Column(name = "account_key")
    public String accountKey;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, String> properties;

    @Column(name = "credentials_key_id", nullable = false)
    public String credentialsKeyId;

    @Column(name = "credentials_nonce", nullable = false)
    public String credentialsNonce;

    @Column(name = "credentials_ciphertext", nullable = false)
    public String credentialsCiphertext;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(name = "credentials_masked", nullable = false)
    public Map<String, String> credentialsMasked;

    @Column(nullable = false)
    public String state;

    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public ConnectionSettings settings;

    @Column(nullable = false)
    public String status;

    @Column(nullable = false)
    public String health;

    @Column(name = "status_error_code")
    public String statusErrorCode;

    @Column(name = "status_error_message")
    public String statusErrorMessage;

    @Column(name = "last_sync_at")
    public Instant lastSyncAt;

    @Column(name = "last_sync_id")
    public UUID lastSyncId;

    @Column(name = "next_sync_at")
    public Instant nextSyncAt;

    @Column(name = "rate_limited_until")
    public Instant rateLimitedUntil;

    @Column(name = "status_changed_at")
    public Instant statusChangedAt;

    /** When the webhook secret nexus manages was set (creation, rotation); its schedule counts from here. */
    @Column(name = "webhook_secret_rotated_at")
    public Instant webhookSecretRotatedAt;

    /** Until when the previous webhook secret ({@code <field>Previous}) still verifies; null when there is none. */
    @Column(name = "webhook_secret_overlap_until")
    public Instant webhookSecretOverlapUntil;

    /** Increases with every change of the connection; the snapshot on Kafka carries it. */
    @Version
    public long version;

    @Column(name = "created_at", nullable = false, updatable = false)
    public Instant createdAt;

    @Column(name = "updated_at", nullable = false)
    public Instant updatedAt;

    @Column(name = "removed_at")
    public Instant removedAt;

    @Override
    public String toString() {
        // the sealed envelope is not secret, but there is no reason to spread it through logs either
        return "Connection[" + id + ", tenant=" + tenantId + ", " + marketplace + ", account=" + accountId + "]";
    }
}
