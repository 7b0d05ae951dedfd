package io.nexusconnect.connectionservice.webhook;

import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import org.hibernate.annotations.JdbcTypeCode;
import org.hibernate.type.SqlTypes;

import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * A connection's last webhook registration request and the adapter's last answer (V4 migration). Read here; written by
 * native upserts ({@link RegistrationRequests}, {@link WebhookEndpointsConsumer}), so neither side overwrites the other.
 */
@Entity
@Table(name = "webhook_registrations")
public class WebhookRegistrationEntity {
    @Id
    @Column(name = "connection_id")
    public UUID connectionId;
    @Column(name = "tenant_id", nullable = false)
    public String tenantId;
    @Column(name = "requested_id")
    public UUID requestedId;
    @Column(name = "requested_action")
    public String requestedAction;
    @Column(name = "requested_reason")
    public String requestedReason;
    @Column(name = "requested_at")
    public Instant requestedAt;
    @Column(name = "answered_id")
    public UUID answeredId;
    @Column
    public String state;
    /**
     * {@code items}: {topic, callbackUrl (masked), externalId, status} per subscription; wrapped in an object because
     * the reactive driver reads a JSON column only as an object.
     */
    @JdbcTypeCode(SqlTypes.JSON)
    @Column(nullable = false)
    public Map<String, List<Map<String, String>>> endpoints;

    public List<Map<String, String>> endpointList() {
        return endpoints == null ? List.of() : endpoints.getOrDefault(ITEMS, List.of());
    }

    public static final String ITEMS = "items";
    @Column(name = "error_code")
    public String errorCode;
    @Column
    public String message;
    @Column(name = "changed_at")
    public Instant changedAt;
}
