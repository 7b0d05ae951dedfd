package io.nexusconnect.gateway.connections;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.security.CredentialSealer;
import org.jboss.logging.Logger;

import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * The gateway's local view of every connection, fed from the compacted {@code nexus.connections.v1}: a delivery is
 * routed and verified without a call to connection-service. Only the credential fields a marketplace's webhooks are
 * verified with are kept opened in memory.
 */
public final class ConnectionView {
    private static final Logger LOG = Logger.getLogger(ConnectionView.class);
    private static final Map<Marketplace, Set<String>> WEBHOOK_FIELDS = Map.of(
            Marketplace.SHOPIFY, Set.of("apiSecretKey", "apiSecretKeyPrevious"),
            Marketplace.EBAY, Set.of("appId", "certId", "notificationVerificationToken", "notificationVerificationTokenPrevious"),
            Marketplace.WALMART, Set.of("webhookSecret", "webhookSecretPrevious"),
            Marketplace.BOL, Set.of("webhookToken", "webhookTokenPrevious"),
            Marketplace.KAUFLAND, Set.of("webhookToken", "webhookTokenPrevious"));

    private final Map<UUID, GatewayConnection> connections = new ConcurrentHashMap<>();
    private final CredentialSealer sealer;

    public ConnectionView(CredentialSealer sealer) {
        this.sealer = sealer;
    }

    public Optional<GatewayConnection> find(UUID connectionId) {
        return Optional.ofNullable(connections.get(connectionId));
    }

    public int size() {
        return connections.size();
    }

    /** Takes a snapshot unless the view already holds a newer version of the connection. */
    public void apply(ConnectionSnapshot snapshot) {
        connections.compute(snapshot.connectionId(), (id, held) ->
                held != null && held.version() > snapshot.version() ? held : toConnection(snapshot));
    }

    /** A tombstone: the connection was removed, its webhooks are answered 404 from now on. */
    public void remove(UUID connectionId) {
        connections.remove(connectionId);
    }

    private GatewayConnection toConnection(ConnectionSnapshot snapshot) {
        return new GatewayConnection(snapshot.connectionId(), snapshot.tenantId(), snapshot.marketplace(),
                snapshot.accountId(), snapshot.properties() == null ? Map.of() : Map.copyOf(snapshot.properties()),
                snapshot.state() == ConnectionState.PAUSED, secretsOf(snapshot), snapshot.version(), snapshot);
    }

    private WebhookSecrets secretsOf(ConnectionSnapshot snapshot) {
        Set<String> wanted = WEBHOOK_FIELDS.getOrDefault(snapshot.marketplace(), Set.of());
        if (wanted.isEmpty() || snapshot.credentials() == null) {
            return WebhookSecrets.NONE;
        }
        try {
            Map<String, String> opened = sealer.open(snapshot.connectionId().toString(), snapshot.credentials());
            return new WebhookSecrets(opened.entrySet().stream()
                    .filter(entry -> wanted.contains(entry.getKey()) && entry.getValue() != null)
                    .collect(Collectors.toMap(Map.Entry::getKey, Map.Entry::getValue)));
        } catch (CredentialSealer.SealingException e) {
            // its deliveries fail verification (401) until a snapshot we can open arrives; the key id says why
            LOG.warnf("connection %s: credentials sealed with key %s cannot be opened; its webhooks will not verify",
                    snapshot.connectionId(), snapshot.credentials().keyId());
            return WebhookSecrets.NONE;
        }
    }
}
