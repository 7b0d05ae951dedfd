package io.nexusconnect.local.demo;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.local.NexusServices;
import io.nexusconnect.local.process.ServiceProcess;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.bol.BolSimConfig;
import io.nexusconnect.sims.bol.BolSimulator;
import io.nexusconnect.sims.ebay.EbaySimConfig;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.sims.kaufland.KauflandSimConfig;
import io.nexusconnect.sims.kaufland.KauflandSimulator;
import io.nexusconnect.sims.shopify.ShopifySimConfig;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.shopify.webhooks.WebhookSettings;
import io.nexusconnect.sims.walmart.WalmartSimConfig;
import io.nexusconnect.sims.walmart.WalmartSimulator;
import io.nexusconnect.sims.zalando.ZalandoSimConfig;
import io.nexusconnect.sims.zalando.ZalandoSimulator;

import java.nio.file.Path;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/**
 * The seven marketplaces of {@code ./nexus local}: where each simulator and adapter listen, how each simulator is
 * seeded and sped up, how its adapter is wired to it, and the demo account a connection is created for.
 */
public final class DemoMarketplaces {
    private static final long SEED = 42;
    private static final Duration BOL_PROCESSING = Duration.ofMillis(500);

    private DemoMarketplaces() {
    }

    /**
     * What every marketplace is started with.
     *
     * @param jvmOptions the JVM options of a service by name (heap, CDS archive)
     */
    public record Setup(Path repoRoot, Path workDir, int portOffset, int orders, double speedFactor,
                        String kafkaBootstrapServers, String keyRingSpec, String primaryKeyId,
                        Map<String, String> extraEnvironment, Function<String, List<String>> jvmOptions) {
        /** Names the key id only: the key ring is a secret. */
        @Override
        public String toString() {
            return "Setup[kafka=" + kafkaBootstrapServers + ", primaryKey=" + primaryKeyId + ", offset=" + portOffset + "]";
        }
    }

    /** The simulator's port without offset (Amazon's sandbox takes the next one). */
    public static int simulatorPort(Marketplace marketplace) {
        return switch (marketplace) {
            case AMAZON -> 9101;
            case SHOPIFY -> 9105;
            case EBAY -> 9111;
            case WALMART -> 9121;
            case KAUFLAND -> 9131;
            case ZALANDO -> 9141;
            case BOL -> 9151;
        };
    }

    /** The adapter's port without offset. */
    public static int adapterPort(Marketplace marketplace) {
        return switch (marketplace) {
            case AMAZON -> 8083;
            case EBAY -> 8084;
            case SHOPIFY -> 8085;
            case WALMART -> 8086;
            case KAUFLAND -> 8087;
            case BOL -> 8088;
            case ZALANDO -> 8089;
        };
    }

    public static String adapterName(Marketplace marketplace) {
        return "adapter-" + marketplace.id();
    }

    /** Starts the marketplace's simulator and returns it with its adapter's spec and its demo connection's form. */
    public static DemoMarketplace start(Marketplace marketplace, Setup setup) {
        int simPort = simulatorPort(marketplace) + setup.portOffset();
        int adapterPort = adapterPort(marketplace) + setup.portOffset();
        String adapter = adapterName(marketplace);
        Path repo = setup.repoRoot();
        Path work = setup.workDir();
        int orders = setup.orders();
        double speed = setup.speedFactor();
        List<String> jvm = setup.jvmOptions().apply(adapter);
        String label = marketplace.displayName() + " (simulator)";
        return switch (marketplace) {
            case AMAZON -> {
                AmazonSimulator sim = AmazonDemo.startSimulator(simPort, orders, speed);
                yield new DemoMarketplace(marketplace, "Amazon US (simulator)", sim, sim.baseUrl(), "Amazon SP-API simulator on "
                        + sim.baseUrl() + " (" + orders + " orders, speed x" + speed + ")", AmazonDemo.demoFields(),
                        sim::requestCount, NexusServices.adapterAmazon(repo, work, adapterPort,
                        setup.kafkaBootstrapServers(), setup.keyRingSpec(), setup.primaryKeyId(), sim.lwaTokenUrl(),
                        sim.baseUrl(), sim.sandboxBaseUrl(), speed, setup.extraEnvironment(), jvm), WebhookPushes.NONE);
            }
            case EBAY -> {
                EbaySimulator sim = EbaySimulator.start(EbaySimConfig.builder().port(simPort).orderCount(orders).build());
                yield new DemoMarketplace(marketplace, label, sim, sim.baseUrl(), "eBay REST simulator on " + sim.baseUrl() + " ("
                        + orders + " orders)", ebayFields(), sim.requestLog()::total, NexusServices.adapterEbay(repo,
                        work, adapterPort, setup.kafkaBootstrapServers(), setup.keyRingSpec(), setup.primaryKeyId(),
                        sim.baseUrl(), setup.extraEnvironment(), jvm), WebhookPushes.ebay(sim));
            }
            case SHOPIFY -> {
                ShopifySimulator sim = ShopifySimulator.start(ShopifySimConfig.defaults().withPort(simPort)
                        .withData(orders, 150, SEED).withSpeed(speed));
                yield new DemoMarketplace(marketplace, label, sim, sim.baseUrl(), "Shopify Admin API simulator on " + sim.baseUrl()
                        + " (" + orders + " orders, speed x" + speed + "; shop " + ShopifySimulator.DEMO.myshopifyDomain() + ")",
                        shopifyFields(), sim.requestLog()::total, NexusServices.adapterShopify(repo, work, adapterPort,
                        setup.kafkaBootstrapServers(), setup.keyRingSpec(), setup.primaryKeyId(), sim.baseUrl(),
                        setup.extraEnvironment(), jvm), WebhookPushes.shopify(sim));
            }
            case WALMART -> {
                WalmartSimulator sim = WalmartSimulator.start(WalmartSimConfig.defaults().withPort(simPort)
                        .withData(orders, 60, SEED).withBuckets(WalmartSpeed.buckets(speed)));
                yield new DemoMarketplace(marketplace, label, sim, sim.baseUrl(), "Walmart Marketplace API simulator on "
                        + sim.baseUrl() + " (" + orders + " orders, speed x" + speed + ")",
                        Map.of("clientId", WalmartSimulator.DEMO.clientId(),
                                "clientSecret", WalmartSimulator.DEMO.clientSecret()),
                        sim.requestLog()::total, NexusServices.adapterWalmart(repo, work, adapterPort,
                        setup.kafkaBootstrapServers(), setup.keyRingSpec(), setup.primaryKeyId(), sim.baseUrl(), speed,
                        setup.extraEnvironment(), jvm), WebhookPushes.NONE);
            }
            case KAUFLAND -> {
                KauflandSimulator sim = KauflandSimulator.start(KauflandSimConfig.defaults().withPort(simPort)
                        .withData(orders, 100, SEED));
                yield new DemoMarketplace(marketplace, label, sim, sim.baseUrl(), "Kaufland Seller API simulator on "
                        + sim.baseUrl() + " (" + orders + " orders)",
                        Map.of("clientKey", KauflandSimulator.DEMO.clientKey(),
                                "secretKey", KauflandSimulator.DEMO.secretKey(), "storefront", "de"),
                        sim.requestLog()::total, NexusServices.adapterKaufland(repo, work, adapterPort,
                        setup.kafkaBootstrapServers(), setup.keyRingSpec(), setup.primaryKeyId(), sim.baseUrl(), speed,
                        setup.extraEnvironment(), jvm), WebhookPushes.NONE);
            }
            case BOL -> {
                BolSimulator sim = BolSimulator.start(SimulatorSpeed.bol(BolSimConfig.defaults().withPort(simPort)
                        .withData(orders, 100, SEED).withProcessingTime(BOL_PROCESSING), speed));
                yield new DemoMarketplace(marketplace, label, sim, sim.baseUrl(), "bol.com Retailer API v10 simulator on "
                        + sim.baseUrl() + " (" + orders + " orders, speed x" + speed + ")",
                        Map.of("clientId", BolSimulator.DEMO.clientId(),
                                "clientSecret", BolSimulator.DEMO.clientSecret()),
                        sim.requestLog()::total, NexusServices.adapterBol(repo, work, adapterPort,
                        setup.kafkaBootstrapServers(), setup.keyRingSpec(), setup.primaryKeyId(), sim.baseUrl(), speed,
                        BOL_PROCESSING, setup.extraEnvironment(), jvm), WebhookPushes.NONE);
            }
            case ZALANDO -> {
                ZalandoSimulator sim = ZalandoSimulator.start(SimulatorSpeed.zalando(ZalandoSimConfig.defaults()
                        .withPort(simPort).withData(orders, SEED), speed));
                yield new DemoMarketplace(marketplace, label, sim, sim.baseUrl(), "Zalando zDirect simulator on " + sim.baseUrl()
                        + " (" + orders + " orders, speed x" + speed + ")",
                        Map.of("clientId", ZalandoSimulator.DEMO.clientId(),
                                "clientSecret", ZalandoSimulator.DEMO.clientSecret(),
                                "merchantId", sim.config().merchantId()),
                        sim.requestLog()::total, NexusServices.adapterZalando(repo, work, adapterPort,
                        setup.kafkaBootstrapServers(), setup.keyRingSpec(), setup.primaryKeyId(), sim.baseUrl(), speed,
                        setup.extraEnvironment(), jvm), WebhookPushes.NONE);
            }
        };
    }

    /** The eBay simulator's demo app and seller as the credential form (the dev id and user token are unused there). */
    public static Map<String, String> ebayFields() {
        EbaySimulator.DemoIdentity demo = EbaySimulator.DEMO;
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("appId", demo.clientId());
        fields.put("devId", "3f2504e0-4f89-11d3-9a0c-0305e82c3301");
        fields.put("certId", demo.clientSecret());
        fields.put("userToken", "v^1.1#i^1#f^0#p^3#r^1#t^unused-user-token-000000000001");
        fields.put("refreshToken", demo.refreshToken());
        fields.put("notificationVerificationToken", "nexus_demo_verification_token_00000001");
        fields.put("marketplaceId", demo.marketplaceId());
        return fields;
    }

    private static Map<String, String> shopifyFields() {
        Map<String, String> fields = new LinkedHashMap<>();
        fields.put("shopDomain", ShopifySimulator.DEMO.myshopifyDomain());
        fields.put("adminApiAccessToken", ShopifySimulator.DEMO.accessToken());
        fields.put("apiSecretKey", WebhookSettings.DEMO_CLIENT_SECRET); // the secret the simulator signs pushes with
        return fields;
    }
}
