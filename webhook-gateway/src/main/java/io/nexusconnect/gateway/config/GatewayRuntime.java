package io.nexusconnect.gateway.config;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.TopicProvisioner;
import io.nexusconnect.contracts.security.CredentialSealer;
import io.nexusconnect.contracts.security.KeyRing;
import io.nexusconnect.gateway.connections.ConnectionView;
import io.nexusconnect.gateway.dedupe.DuplicateWindow;
import io.nexusconnect.gateway.intake.WebhookIntake;
import io.nexusconnect.gateway.kafka.TopicFollower;
import io.nexusconnect.gateway.publish.WebhookPublisher;
import io.nexusconnect.gateway.ratelimit.RateLimiter;
import io.nexusconnect.gateway.verify.EbayPublicKeys;
import io.nexusconnect.gateway.verify.EbayVerifier;
import io.nexusconnect.gateway.verify.PathTokenVerifier;
import io.nexusconnect.gateway.verify.ShopifyVerifier;
import io.nexusconnect.gateway.verify.WalmartVerifier;
import io.nexusconnect.gateway.verify.WebhookVerifier;
import io.quarkus.runtime.Startup;
import jakarta.annotation.PreDestroy;
import jakarta.inject.Singleton;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.eclipse.microprofile.config.inject.ConfigProperty;
import org.jboss.logging.Logger;

import java.net.http.HttpClient;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;

/**
 * The gateway's parts, built once at start: the local connection view and the dedupe view (each a follower of its
 * topic), the verifiers, the publisher and the intake that ties them together.
 */
@Startup
@Singleton
public class GatewayRuntime {
    private static final Logger LOG = Logger.getLogger(GatewayRuntime.class);
    private static final Duration EXPIRY_INTERVAL = Duration.ofMinutes(1);

    private final GatewayConfig config;
    private final Clock clock;
    private final ConnectionView connections;
    private final DuplicateWindow duplicates;
    private final RateLimiter rateLimiter;
    private final WebhookPublisher publisher;
    private final WebhookIntake intake;
    private final TopicFollower connectionFollower;
    private final TopicFollower dedupeFollower;
    private volatile Instant lastExpiry;

    public GatewayRuntime(GatewayConfig config, Clock clock,
                          @ConfigProperty(name = "kafka.bootstrap.servers") String bootstrapServers,
                          @ConfigProperty(name = "nexus.credentials.keys") String keys,
                          @ConfigProperty(name = "nexus.credentials.primary-key") String primaryKey) {
        this.config = config;
        this.clock = clock;
        String clientId = "webhook-gateway-" + config.instanceId().orElse(UUID.randomUUID().toString().substring(0, 8));
        provisionTopics(bootstrapServers);
        this.connections = new ConnectionView(new CredentialSealer(KeyRing.parse(keys, primaryKey)));
        this.duplicates = new DuplicateWindow(clock, config.dedupeWindow());
        this.rateLimiter = new RateLimiter(clock, config.rateLimit().perSecond(), config.rateLimit().burst());
        this.publisher = new WebhookPublisher(bootstrapServers, clientId, "webhook-gateway", config.deliveryTimeout());
        this.intake = new WebhookIntake(connections, verifiers(), rateLimiter, duplicates, publisher, clock,
                config.publishTimeout());
        this.lastExpiry = clock.instant();
        this.connectionFollower = new TopicFollower(bootstrapServers, clientId + "-connections", Topics.CONNECTIONS, null,
                this::onConnection, () -> { }).start();
        this.dedupeFollower = new TopicFollower(bootstrapServers, clientId + "-dedupe", Topics.WEBHOOK_DEDUPE,
                clock.instant().minus(config.dedupeWindow()), this::onDedupeMarker, this::expireNowAndThen).start();
    }

    private Map<Marketplace, WebhookVerifier> verifiers() {
        EbayPublicKeys ebayKeys = new EbayPublicKeys(HttpClient.newBuilder().connectTimeout(config.ebay().timeout()).build(),
                Map.of("production", config.ebay().productionBaseUrl(), "sandbox", config.ebay().sandboxBaseUrl()),
                clock, config.ebay().keyCacheTtl(), config.ebay().timeout());
        Map<Marketplace, WebhookVerifier> verifiers = new EnumMap<>(Marketplace.class);
        Stream.of(new ShopifyVerifier(), new EbayVerifier(ebayKeys), new WalmartVerifier(clock, config.replayWindow()),
                        new PathTokenVerifier(Marketplace.BOL), new PathTokenVerifier(Marketplace.KAUFLAND))
                .forEach(verifier -> verifiers.put(verifier.marketplace(), verifier));
        return verifiers;
    }

    private static void provisionTopics(String bootstrapServers) {
        try {
            TopicProvisioner.ensure(bootstrapServers, Topics.all().stream()
                    .filter(spec -> spec.name().startsWith("nexus.webhooks.") && !spec.name().endsWith(Topics.DLQ_SUFFIX))
                    .toList());
        } catch (RuntimeException e) {
            // readiness stays DOWN until the followers have read their topics; the operator sees why in this line
            LOG.warnf("webhook topics not provisioned: %s", e.getMessage());
        }
    }

    private void onConnection(ConsumerRecord<String, String> record) {
        if (record.value() == null) {
            UUID removed = UUID.fromString(record.key());
            connections.remove(removed);
            rateLimiter.forget(removed);
            return;
        }
        connections.apply(Json.read(record.value(), ConnectionSnapshot.class));
    }

    private void onDedupeMarker(ConsumerRecord<String, String> record) {
        if (record.value() != null && record.key() != null) {
            duplicates.seen(record.key(), Instant.ofEpochMilli(record.timestamp()));
        }
    }

    private void expireNowAndThen() {
        Instant now = clock.instant();
        if (now.isAfter(lastExpiry.plus(EXPIRY_INTERVAL))) {
            lastExpiry = now;
            duplicates.expire();
        }
    }

    /** Ready once both local views have read their topics up to where they ended at start. */
    public boolean ready() {
        return connectionFollower.caughtUp() && dedupeFollower.caughtUp();
    }

    public List<String> lagging() {
        return Stream.of(connectionFollower, dedupeFollower).filter(f -> !f.caughtUp()).map(TopicFollower::topic).toList();
    }

    public WebhookIntake intake() {
        return intake;
    }

    public ConnectionView connections() {
        return connections;
    }

    public DuplicateWindow duplicates() {
        return duplicates;
    }

    public GatewayConfig config() {
        return config;
    }

    @PreDestroy
    void stop() {
        connectionFollower.close();
        dedupeFollower.close();
        publisher.close();
    }
}
