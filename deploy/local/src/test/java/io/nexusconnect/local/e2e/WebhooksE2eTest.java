package io.nexusconnect.local.e2e;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.demo.ConnectionsClient;
import io.nexusconnect.local.demo.DemoMarketplaces;
import io.nexusconnect.local.process.Ports;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.sims.ebay.EbaySimConfig;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.sims.ebay.model.EbayOrder;
import io.nexusconnect.sims.ebay.notification.NotificationState;
import io.nexusconnect.sims.shopify.ShopifySimConfig;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.shopify.model.SimOrder;
import io.nexusconnect.sims.shopify.webhooks.SimSubscription;
import io.nexusconnect.testinfra.SharedInfra;
import io.nexusconnect.testinfra.TestTokens;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;

import java.math.BigDecimal;
import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

/**
 * The webhook path through every real part, for the two marketplaces the product page names: a connection created
 * over REST → connection-service records a registration request (outbox) → the adapter registers the webhooks at the
 * simulator with the gateway's address → the simulator pushes a signed order webhook to webhook-gateway (a process of
 * its own: Shopify's HMAC, eBay's ECDSA with the key it fetches from the simulator) → the adapter turns it into a
 * normalized order on {@code nexus.orders.v1} → the removed connection's webhooks are unregistered.
 */
@ExtendWith(E2eExtension.class)
@DisplayName("End to end: Shopify and eBay webhooks registered, pushed through webhook-gateway and removed")
class WebhooksE2eTest {
    private static final Duration WAIT = Duration.ofMinutes(3);
    private static ShopifySimulator shopify;
    private static EbaySimulator ebay;
    private static ServiceProcess gateway;
    private static ServiceProcess shopifyAdapter;
    private static ServiceProcess ebayAdapter;
    private static String gatewayBase;
    /** A tenant of its own: the shop and the eBay seller can be connected once per tenant, and the sync tests do. */
    private static final String TENANT = "e2e-webhooks";
    private static ConnectionsClient api;

    @AfterAll
    static void stop() throws Exception {
        FirstSync.closeAll(ebayAdapter, shopifyAdapter, gateway, ebay, shopify);
    }

    /** Both simulators, the gateway on a free port, and both adapters registering their callbacks at the gateway. */
    private static void start(E2eStack stack) {
        shopify = ShopifySimulator.start(ShopifySimConfig.defaults().withData(30, 5, 11).withSpeed(50));
        ebay = EbaySimulator.start(EbaySimConfig.builder().orderCount(30).itemCount(5).pushRetryDelay(Duration.ofSeconds(1))
                .build());
        Path work = stack.logDir().getParent();
        int gatewayPort = Ports.free();
        gatewayBase = "http://localhost:" + gatewayPort;
        // eBay's getPublicKey, which the gateway asks for the key of each signature, is the simulator's here
        gateway = FirstSync.startAdapter(NexusServices.webhookGateway(NexusServices.repoRoot(), work, gatewayPort,
                SharedInfra.kafkaBootstrapServers(), SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId(), gatewayBase,
                Map.of("NEXUS_GATEWAY_EBAY_PRODUCTION_BASE_URL", ebay.baseUrl()), ServiceProcess.DEFAULT_JVM_OPTIONS));
        Map<String, String> registerAtGateway = Map.of("NEXUS_WEBHOOKS_PUBLIC_BASE_URL", gatewayBase);
        shopifyAdapter = FirstSync.startAdapter(NexusServices.adapterShopify(NexusServices.repoRoot(), work, Ports.free(),
                SharedInfra.kafkaBootstrapServers(), SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId(),
                shopify.baseUrl(), registerAtGateway, ServiceProcess.DEFAULT_JVM_OPTIONS));
        Map<String, String> ebayEnvironment = new LinkedHashMap<>(registerAtGateway);
        ebayEnvironment.put("NEXUS_EBAY_ORDERS_END_GUARD", "PT0S");
        ebayAdapter = FirstSync.startAdapter(NexusServices.adapterEbay(NexusServices.repoRoot(), work, Ports.free(),
                SharedInfra.kafkaBootstrapServers(), SharedInfra.keyRingSpec(), SharedInfra.primaryKeyId(),
                ebay.baseUrl(), ebayEnvironment, ServiceProcess.DEFAULT_JVM_OPTIONS));
    }

    @Test
    @DisplayName("A new connection's webhooks point at the gateway, a signed order push becomes a normalized order at "
            + "once, and removing the connection leaves nothing subscribed")
    void registerPushRemove(E2eStack stack) {
        // given: the simulators, webhook-gateway and both adapters
        start(stack);
        api = new ConnectionsClient(stack.connectionServiceUrl(), TestTokens.forTenant(TENANT));
        String shop = ShopifySimulator.DEMO.myshopifyDomain();

        // when: a platform team connects the Shopify shop and the eBay seller
        Map<String, String> shopifyFields = new LinkedHashMap<>();
        shopifyFields.put("shopDomain", shop);
        shopifyFields.put("adminApiAccessToken", ShopifySimulator.DEMO.accessToken());
        shopifyFields.put("apiSecretKey", "shpss_" + "abcdef0123456789abcdef0123456789");
        String shopifyId = api.create("shopify", "E2E Shopify webhooks", shopifyFields).path("id").asText();
        String ebayId = api.create("ebay", "E2E eBay webhooks", DemoMarketplaces.ebayFields()).path("id").asText();

        // then: each connection's view says its webhooks are registered, and the simulators push to the gateway
        JsonNode shopifyRegistration = awaitRegistration(stack, shopifyId, "registered");
        assertThat(shopify.subscriptions().of(shop)).isNotEmpty().extracting(SimSubscription::uri)
                .containsOnly(gatewayBase + "/api/webhooks/shopify/" + shopifyId);
        assertThat(shopify.subscriptions().of(shop)).extracting(SimSubscription::topic).contains("ORDERS_CREATE");
        assertThat(shopifyRegistration.path("endpoints")).isNotEmpty();
        awaitRegistration(stack, ebayId, "registered");
        String ebayEndpoint = gatewayBase + "/api/webhooks/ebay/" + ebayId;
        NotificationState.Destination destination = ebay.notifications().destinations().stream()
                .filter(d -> d.endpoint().equals(ebayEndpoint)).findFirst().orElseThrow();
        assertThat(destination.enabled()).as("eBay validated the gateway's challenge answer").isTrue();
        assertThat(ebay.notifications().subscriptions()).anyMatch(s -> s.destinationId().equals(destination.destinationId())
                && s.topicId().equals("ORDER_CONFIRMATION") && s.enabled());

        // when: a buyer orders three units in the shop and one item on eBay; each simulator pushes a signed webhook
        String sku = shopify.store().products().getFirst().variants().getFirst().sku();
        SimOrder shopifyOrder = shopify.events().createOrder(Map.of(sku, 3), BigDecimal.ZERO);
        EbayOrder ebayOrder = ebay.placeOrder(Map.of());

        // then: the gateway took both (200), and each became a normalized order on nexus.orders.v1 without a cycle
        JsonNode fromShopify = awaitOrder(shopifyId, shopifyOrder.id());
        assertThat(fromShopify.path("lines").path(0).path("quantity").asInt()).isEqualTo(3);
        assertThat(fromShopify.path("syncId").isMissingNode()).as("published from the webhook, not by a cycle").isTrue();
        assertThat(shopify.webhooks().deliveries()).anyMatch(d -> d.answers().contains(200));
        JsonNode fromEbay = awaitOrder(ebayId, ebayOrder.orderId());
        assertThat(fromEbay.path("syncId").isMissingNode()).isTrue();
        assertThat(ebay.deliveries()).anyMatch(d -> d.endpoint().equals(ebayEndpoint) && d.delivered());

        // when: both connections are removed
        api.remove(shopifyId);
        api.remove(ebayId);

        // then: nothing at either marketplace points at the gateway for them any more
        await("Shopify subscriptions removed").atMost(WAIT).until(() -> shopify.subscriptions().of(shop).isEmpty());
        await("eBay destination removed").atMost(WAIT).until(() -> ebay.notifications().destinations().stream()
                .noneMatch(d -> d.endpoint().equals(ebayEndpoint)));
        assertThat(ebay.notifications().subscriptions()).noneMatch(s -> s.destinationId().equals(destination.destinationId()));
        TopicAudit.assertLogsFreeOf(List.of(gateway.process().logFile(), shopifyAdapter.process().logFile(),
                ebayAdapter.process().logFile()), List.of(shopifyFields.get("apiSecretKey"),
                ShopifySimulator.DEMO.accessToken(), EbaySimulator.DEMO.clientSecret(), EbaySimulator.DEMO.refreshToken()));
        System.out.printf("e2e webhooks: Shopify %d subscriptions, %d deliveries; eBay %d deliveries%n",
                shopifyRegistration.path("endpoints").size(), shopify.webhooks().deliveries().size(), ebay.deliveries().size());
    }

    private static JsonNode awaitRegistration(E2eStack stack, String connectionId, String state) {
        return await("webhook registration of " + connectionId).atMost(WAIT)
                .until(() -> api.get(connectionId).path("webhookRegistration"),
                        registration -> state.equals(registration.path("state").asText()));
    }

    private static JsonNode awaitOrder(String connectionId, String externalId) {
        String key = Topics.recordKey(connectionId, externalId);
        Optional<ConsumerRecord<String, String>> record = await("order " + externalId + " on " + Topics.ORDERS)
                .atMost(WAIT).until(() -> TopicAudit.recordsOf(Topics.ORDERS, connectionId).stream()
                        .filter(r -> key.equals(r.key()) && !TopicAudit.json(r.value()).has("syncId")).findFirst(),
                        Optional::isPresent);
        return TopicAudit.json(record.orElseThrow().value());
    }
}
