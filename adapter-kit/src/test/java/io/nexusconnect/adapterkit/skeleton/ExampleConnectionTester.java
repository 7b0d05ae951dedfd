package io.nexusconnect.adapterkit.skeleton;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.paging.PageRequest;
import io.nexusconnect.adapterkit.testing.ConnectionTester;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;

/** Test Connection: a token and one offer prove the credentials and the read permission. */
@ApplicationScoped
public class ExampleConnectionTester implements ConnectionTester {
    private final ExampleApi api;

    public ExampleConnectionTester(ExampleApi api) {
        this.api = api;
    }

    @Override
    public Marketplace marketplace() {
        return ExampleSyncCycle.MARKETPLACE;
    }

    @Override
    public Verdict test(ConnectionSnapshot connection, ConnectionCredentials credentials) {
        api.offers(credentials, Instant.EPOCH, PageRequest.first(1));
        return new Verdict("Example", connection.label());
    }
}
