package io.nexusconnect.adapterkit.testkit;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.contracts.security.SealedSecret;
import io.nexusconnect.testinfra.SharedInfra;

import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;

/**
 * Connection snapshots as connection-service publishes them: properties in clear, credentials sealed with the test
 * JVM's key ring (the one {@code SharedInfra.quarkusConfig()} hands the adapter), a fresh connection id each time.
 *
 * <pre>
 * ConnectionSnapshot connection = TestConnections.of(Marketplace.KAUFLAND)
 *         .property("storefront", "de").secret("clientKey", "…").secret("secretKey", "…").build();
 * </pre>
 */
public final class TestConnections {
    private final Marketplace marketplace;
    private UUID connectionId = UUID.randomUUID();
    private String tenantId;
    private String accountId;
    private String label;
    private final Map<String, String> properties = new LinkedHashMap<>();
    private final Map<String, String> secrets = new LinkedHashMap<>();
    private ConnectionSettings settings = ConnectionSettings.defaults();
    private ConnectionState state = ConnectionState.ACTIVE;

    private TestConnections(Marketplace marketplace) {
        this.marketplace = marketplace;
        this.tenantId = "tenant-" + marketplace.id() + "-it";
        this.label = marketplace.id() + " test shop";
    }

    public static TestConnections of(Marketplace marketplace) {
        return new TestConnections(marketplace);
    }

    public TestConnections id(UUID value) {
        this.connectionId = value;
        return this;
    }

    public TestConnections tenant(String value) {
        this.tenantId = value;
        return this;
    }

    public TestConnections accountId(String value) {
        this.accountId = value;
        return this;
    }

    public TestConnections label(String value) {
        this.label = value;
        return this;
    }

    public TestConnections property(String name, String value) {
        properties.put(name, value);
        return this;
    }

    public TestConnections properties(Map<String, String> values) {
        properties.putAll(values);
        return this;
    }

    public TestConnections secret(String field, String value) {
        secrets.put(field, value);
        return this;
    }

    public TestConnections secrets(Map<String, String> values) {
        secrets.putAll(values);
        return this;
    }

    public TestConnections settings(ConnectionSettings value) {
        this.settings = value;
        return this;
    }

    public TestConnections state(ConnectionState value) {
        this.state = value;
        return this;
    }

    public ConnectionSnapshot build() {
        return new ConnectionSnapshot(connectionId, tenantId, marketplace, accountId, label, Map.copyOf(properties), state,
                settings, TenantPolicy.defaults(), seal(connectionId, secrets), 1, Instant.now());
    }

    /** Opens credentials the way an adapter does, with the test JVM's key ring. */
    public static io.nexusconnect.adapterkit.credentials.CredentialOpener opener() {
        return new io.nexusconnect.adapterkit.credentials.CredentialOpener(
                KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId()));
    }

    /** Seals {@code secrets} for {@code connectionId} with the test JVM's key ring, as connection-service does. */
    public static SealedSecret seal(UUID connectionId, Map<String, String> secrets) {
        KeyRing ring = KeyRing.parse(SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId());
        return new CredentialSealer(ring).seal(connectionId.toString(), secrets);
    }
}
