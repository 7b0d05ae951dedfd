package io.nexusconnect.adapterkit.runtime;

import io.micrometer.core.instrument.MeterRegistry;
import io.nexusconnect.adapterkit.auth.AccessTokenCache;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2TokenClients;
import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.adapterkit.config.ApisConfig;
import io.nexusconnect.adapterkit.metrics.KitMetrics;
import io.vertx.mutiny.core.Vertx;
import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.quarkus.arc.DefaultBean;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Disposes;
import jakarta.enterprise.inject.Produces;
import jakarta.inject.Singleton;
import org.eclipse.microprofile.config.inject.ConfigProperty;

import java.time.Clock;
import java.time.Duration;

/**
 * The kit's shared objects as CDI beans for adapter applications. Clock and sleeper are default beans, so a test
 * can replace them with controllable ones.
 */
@ApplicationScoped
public class AdapterKitBeans {

    @Produces
    @DefaultBean
    @ApplicationScoped
    Clock clock() {
        return Clock.systemUTC();
    }

    @Produces
    @DefaultBean
    @ApplicationScoped
    Sleeper sleeper() {
        return Sleeper.SYSTEM;
    }

    @Produces
    @ApplicationScoped
    CredentialOpener credentialOpener(@ConfigProperty(name = "nexus.credentials.keys") String keys,
                                      @ConfigProperty(name = "nexus.credentials.primary-key") String primaryKey) {
        return CredentialOpener.fromConfig(keys, primaryKey);
    }

    @Produces
    @ApplicationScoped
    AccessTokenCache accessTokenCache(Clock clock,
                                      @ConfigProperty(name = "nexus.adapter.auth.refresh-skew", defaultValue = "PT60S")
                                      Duration refreshSkew) {
        return new AccessTokenCache(clock, refreshSkew);
    }

    @Produces
    @Singleton
    KitMetrics kitMetrics(MeterRegistry registry) {
        return new KitMetrics(registry);
    }

    @Produces
    @Singleton
    MarketplaceApis marketplaceApis(Vertx vertx, ApisConfig config, Clock clock, Sleeper sleeper, KitMetrics metrics) {
        return new MarketplaceApis(vertx, config, clock, sleeper, metrics);
    }

    void closeApis(@Disposes MarketplaceApis apis) {
        apis.close();
    }

    @Produces
    @Singleton
    OAuth2TokenClients tokenClients(MarketplaceApis apis, AccessTokenCache cache, Clock clock, KitMetrics metrics) {
        return new OAuth2TokenClients(apis, cache, clock, metrics);
    }

    @Produces
    @ApplicationScoped
    EventPublisher eventPublisher(@ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                                  @ConfigProperty(name = "quarkus.application.name") String applicationName) {
        return EventPublisher.create(bootstrapServers, "/nexus/" + applicationName, applicationName + "-producer");
    }

    void closePublisher(@Disposes EventPublisher publisher) {
        publisher.close();
    }
}
