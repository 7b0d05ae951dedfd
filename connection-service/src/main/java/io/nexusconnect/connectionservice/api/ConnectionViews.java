package io.nexusconnect.connectionservice.api;

import io.nexusconnect.connectionservice.connection.ConnectionEntity;
import io.nexusconnect.connectionservice.connection.ConnectionView;
import io.nexusconnect.connectionservice.stats.StatsReader;
import io.nexusconnect.connectionservice.webhook.WebhookRegistrationReader;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Connection rows → the cards the API returns, with their quick stats and webhook registration. */
@ApplicationScoped
public class ConnectionViews {
    @Inject
    StatsReader stats;
    @Inject
    WebhookRegistrationReader webhooks;

    public Uni<ConnectionView> of(ConnectionEntity c) {
        return of(List.of(c)).map(List::getFirst);
    }

    public Uni<List<ConnectionView>> of(List<ConnectionEntity> connections) {
        return stats.of(connections.stream().map(c -> c.id).toList()).chain(all -> webhooks.of(connections)
                .map(registrations -> connections.stream()
                        .map(c -> ConnectionView.of(c, all.get(c.id), registrations.get(c.id))).toList()));
    }
}
