package io.nexusconnect.connectionservice.api;

import io.nexusconnect.connectionservice.connection.ConnectionEntity;
import io.nexusconnect.connectionservice.connection.ConnectionView;
import io.nexusconnect.connectionservice.stats.StatsReader;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.util.List;

/** Connection rows → the cards the API returns, with their quick stats. */
@ApplicationScoped
public class ConnectionViews {
    @Inject
    StatsReader stats;

    public Uni<ConnectionView> of(ConnectionEntity c) {
        return stats.of(List.of(c.id)).map(all -> ConnectionView.of(c, all.get(c.id)));
    }

    public Uni<List<ConnectionView>> of(List<ConnectionEntity> connections) {
        return stats.of(connections.stream().map(c -> c.id).toList())
                .map(all -> connections.stream().map(c -> ConnectionView.of(c, all.get(c.id))).toList());
    }
}
