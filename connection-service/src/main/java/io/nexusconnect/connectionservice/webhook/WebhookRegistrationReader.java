package io.nexusconnect.connectionservice.webhook;

import io.nexusconnect.connectionservice.connection.ConnectionEntity;
import io.nexusconnect.connectionservice.connection.ConnectionService;
import io.nexusconnect.connectionservice.policy.TenantPolicies;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import org.hibernate.reactive.mutiny.Mutiny;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The "Webhook Registration" of the connections a page shows, in one query (all of them are one tenant's). */
@ApplicationScoped
public class WebhookRegistrationReader {
    @Inject
    Mutiny.SessionFactory sessions;
    @Inject
    TenantPolicies policies;
    @Inject
    SecretRotation rotation;

    public Uni<Map<UUID, WebhookRegistrationView>> of(List<ConnectionEntity> connections) {
        if (connections.isEmpty()) {
            return Uni.createFrom().item(Map.of());
        }
        List<UUID> ids = connections.stream().map(c -> c.id).toList();
        return sessions.withSession(session -> session.createSelectionQuery(
                        "from WebhookRegistrationEntity where connectionId in :ids", WebhookRegistrationEntity.class)
                .setParameter("ids", ids)
                .getResultList()
                .chain(rows -> policies.current(session, connections.getFirst().tenantId).map(policy -> {
                    Map<UUID, WebhookRegistrationEntity> byId = rows.stream()
                            .collect(Collectors.toMap(r -> r.connectionId, Function.identity()));
                    Map<UUID, WebhookRegistrationView> views = new HashMap<>();
                    for (ConnectionEntity c : connections) {
                        Marketplace marketplace = Marketplace.of(c.marketplace);
                        views.put(c.id, WebhookRegistrationView.of(marketplace, byId.get(c.id), secret(c, marketplace, policy)));
                    }
                    return views;
                })));
    }

    private WebhookRegistrationView.SecretView secret(ConnectionEntity c, Marketplace marketplace, TenantPolicy policy) {
        String field = WebhookSecretFields.verifying(marketplace).orElse(null);
        if (field == null) {
            return null;
        }
        boolean managed = WebhookSecretFields.nexusManaged(marketplace).isPresent();
        return new WebhookRegistrationView.SecretView(field, managed, c.webhookSecretRotatedAt, c.webhookSecretOverlapUntil,
                c.removedAt != null ? null
                        : rotation.nextRotationAt(marketplace, ConnectionService.rotationState(c), policy.webhookSecretRotation()));
    }
}
