package io.nexusconnect.sims;

import io.nexusconnect.sims.amazon.AmazonSimConfig;
import io.nexusconnect.sims.amazon.AmazonSimulator;
import io.nexusconnect.sims.ebay.EbaySimulator;
import io.nexusconnect.sims.bol.BolSimConfig;
import io.nexusconnect.sims.bol.BolSimulator;
import io.nexusconnect.sims.kaufland.KauflandSimConfig;
import io.nexusconnect.sims.kaufland.KauflandSimulator;
import io.nexusconnect.sims.shopify.ShopifySimConfig;
import io.nexusconnect.sims.shopify.ShopifySimulator;
import io.nexusconnect.sims.walmart.WalmartSimConfig;
import io.nexusconnect.sims.walmart.WalmartSimulator;
import io.nexusconnect.sims.zalando.ZalandoSimConfig;
import io.nexusconnect.sims.zalando.ZalandoSimulator;

import java.time.Duration;
import java.util.concurrent.CountDownLatch;

/**
 * Runs the simulators until the process is stopped:
 * {@code java -jar marketplace-sims.jar --amazon-port 9101 --orders 1500 --listings 200 --speed 1 --seed 42}, plus
 * the eBay simulator with {@code --ebay-port 9111} (options in {@link EbayLaunch}).
 */
public final class SimulatorMain {
    private SimulatorMain() {
    }

    public static void main(String[] args) throws InterruptedException {
        AmazonSimConfig config;
        EbayLaunch ebayLaunch;
        ShopifyOption shopify;
        PortOption walmart;
        PortOption kaufland;
        PortOption zalando;
        PortOption bol;
        try {
            ebayLaunch = EbayLaunch.parse(args);
            shopify = ShopifyOption.take(ebayLaunch.remaining());
            walmart = PortOption.take("--walmart-port", shopify.rest());
            kaufland = PortOption.take("--kaufland-port", walmart.rest());
            zalando = PortOption.take("--zalando-port", kaufland.rest());
            bol = PortOption.take("--bol-port", zalando.rest());
            config = parse(bol.rest());
        } catch (IllegalArgumentException e) {
            System.err.println(e.getMessage());
            System.err.println(usage());
            System.exit(2);
            return;
        }
        AmazonSimulator amazon = AmazonSimulator.start(config);
        EbaySimulator ebay = ebayLaunch.config().map(EbaySimulator::start).orElse(null);
        ShopifySimulator shopifySim = shopify.port() < 0 ? null : ShopifySimulator.start(ShopifySimConfig.defaults()
                .withHost(config.host()).withPort(shopify.port())
                .withData(config.orderCount(), Math.max(1, config.listingCount()), config.seed()));
        WalmartSimulator walmartSim = walmart.port() < 0 ? null : WalmartSimulator.start(WalmartSimConfig
                .defaults().withPort(walmart.port()).withData(config.orderCount(),
                        Math.max(1, config.listingCount()), config.seed()));
        KauflandSimulator kauflandSim = kaufland.port() < 0 ? null : KauflandSimulator.start(
                KauflandSimConfig.defaults().withHost(config.host()).withPort(kaufland.port())
                        .withData(config.orderCount(), Math.max(1, config.listingCount()), config.seed()));
        ZalandoSimulator zalandoSim = zalando.port() < 0 ? null : ZalandoSimulator.start(
                ZalandoSimConfig.defaults().withHost(config.host()).withPort(zalando.port())
                        .withData(config.orderCount(), config.seed()));
        BolSimulator bolSim = bol.port() < 0 ? null : BolSimulator.start(BolSimConfig.defaults()
                .withHost(config.host()).withPort(bol.port())
                .withData(config.orderCount(), Math.max(1, config.listingCount()), config.seed()));
        CountDownLatch stopped = new CountDownLatch(1);
        Runtime.getRuntime().addShutdownHook(new Thread(() -> {
            amazon.close();
            if (bolSim != null) {
                bolSim.close();
            }
            if (kauflandSim != null) {
                kauflandSim.close();
            }
            if (zalandoSim != null) {
                zalandoSim.close();
            }
            if (ebay != null) {
                ebay.close();
            }
            if (shopifySim != null) {
                shopifySim.close();
            }
            if (walmartSim != null) {
                walmartSim.close();
            }
            stopped.countDown();
        }, "simulator-shutdown"));
        AmazonSimulator.DemoIdentity demo = AmazonSimulator.DEMO;
        System.out.println("Amazon SP-API simulator");
        System.out.println("  SP-API (all regions) " + amazon.baseUrl());
        System.out.println("  static sandbox       " + amazon.sandboxBaseUrl());
        System.out.println("  LWA token endpoint   " + amazon.lwaTokenUrl());
        System.out.println("  faults admin         " + amazon.baseUrl() + "/__sim/faults");
        System.out.println("  request counts       " + amazon.baseUrl() + "/__sim/requests");
        System.out.println("  demo seller          " + demo.sellingPartnerId() + " (" + demo.sellerName() + ") in "
                + demo.marketplaceId() + ", LWA client " + demo.lwaClientId()
                + " (secret and refresh token: AmazonSimulator.DEMO)");
        System.out.println("  data                 " + config.orderCount() + " orders, " + config.listingCount()
                + " listings, seed " + config.seed() + ", rates x" + config.speedFactor());
        if (ebay != null) {
            EbayLaunch.printStarted(ebay);
        }
        if (shopifySim != null) {
            System.out.println("Shopify Admin API simulator");
            System.out.println("  GraphQL              " + shopifySim.graphqlUrl("{version}"));
            System.out.println("  demo shop            " + ShopifySimulator.DEMO.myshopifyDomain() + " ("
                    + ShopifySimulator.DEMO.name() + "), token: ShopifySimulator.DEMO");
        }
        if (walmartSim != null) {
            System.out.println("Walmart Marketplace simulator");
            System.out.println("  APIs and /v3/token   " + walmartSim.baseUrl());
            System.out.println("  demo seller          " + WalmartSimulator.DEMO.sellerName() + ", client "
                    + WalmartSimulator.DEMO.clientId() + " (secret: WalmartSimulator.DEMO)");
        }
        if (kauflandSim != null) {
            System.out.println("Kaufland Seller API v2 simulator");
            System.out.println("  API                  " + kauflandSim.baseUrl());
            System.out.println("  demo seller          " + KauflandSimulator.DEMO.sellerName() + ", client key "
                    + KauflandSimulator.DEMO.clientKey() + " (secret key: KauflandSimulator.DEMO), storefronts "
                    + kauflandSim.config().storefronts());
        }
        if (zalandoSim != null) {
            System.out.println("Zalando zDirect simulator");
            System.out.println("  API and /auth/token  " + zalandoSim.baseUrl());
            System.out.println("  demo merchant        " + zalandoSim.config().merchantId() + ", client "
                    + ZalandoSimulator.DEMO.clientId() + " (secret: ZalandoSimulator.DEMO), sales channel "
                    + zalandoSim.config().salesChannelId());
        }
        if (bolSim != null) {
            System.out.println("bol.com Retailer API v10 simulator");
            System.out.println("  API and /token       " + bolSim.baseUrl());
            System.out.println("  demo retailer        " + BolSimulator.DEMO.retailerName() + ", client id "
                    + BolSimulator.DEMO.clientId() + " (secret: BolSimulator.DEMO)");
        }
        stopped.await();
    }

    /** {@code <name> N} starts one more simulator beside Amazon's (same host, order count and seed). */
    record PortOption(int port, String[] rest) {
        static PortOption take(String name, String[] args) {
            java.util.List<String> rest = new java.util.ArrayList<>();
            int port = -1;
            for (int i = 0; i < args.length; i++) {
                if (name.equals(args[i]) && i + 1 < args.length) {
                    try {
                        port = Integer.parseInt(args[++i]);
                    } catch (NumberFormatException e) {
                        throw new IllegalArgumentException("invalid value for " + name + ": " + args[i], e);
                    }
                } else {
                    rest.add(args[i]);
                }
            }
            return new PortOption(port, rest.toArray(String[]::new));
        }
    }

    /** {@code --shopify-port N} starts the Shopify simulator beside Amazon's (same host, order count and seed). */
    record ShopifyOption(int port, String[] rest) {
        static ShopifyOption take(String[] args) {
            java.util.List<String> rest = new java.util.ArrayList<>();
            int port = -1;
            for (int i = 0; i < args.length; i++) {
                if ("--shopify-port".equals(args[i]) && i + 1 < args.length) {
                    port = Integer.parseInt(args[++i]);
                } else {
                    rest.add(args[i]);
                }
            }
            return new ShopifyOption(port, rest.toArray(String[]::new));
        }
    }

    static AmazonSimConfig parse(String[] args) {
        AmazonSimConfig.Builder builder = AmazonSimConfig.builder().port(9101).sandboxPort(9102);
        boolean sandboxPortGiven = false;
        int port = 9101;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--amazon-port" -> {
                        port = Integer.parseInt(value);
                        builder.port(port);
                    }
                    case "--amazon-sandbox-port" -> {
                        builder.sandboxPort(Integer.parseInt(value));
                        sandboxPortGiven = true;
                    }
                    case "--host" -> builder.host(value);
                    case "--orders" -> builder.orderCount(Integer.parseInt(value));
                    case "--listings" -> builder.listingCount(Integer.parseInt(value));
                    case "--speed" -> builder.speedFactor(Double.parseDouble(value));
                    case "--seed" -> builder.seed(Long.parseLong(value));
                    case "--token-ttl" -> builder.accessTokenTtl(Duration.parse(value));
                    case "--lookback" -> builder.lookback(Duration.parse(value));
                    case "--order-lag" -> builder.orderLag(Duration.parse(value));
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (RuntimeException e) {
                if (e instanceof IllegalArgumentException && e.getMessage() != null
                        && e.getMessage().startsWith("unknown option")) {
                    throw e;
                }
                throw new IllegalArgumentException("invalid value for " + name + ": " + value, e);
            }
        }
        if (!sandboxPortGiven) {
            builder.sandboxPort(port == 0 ? 0 : port + 1);
        }
        return builder.build();
    }

    static String usage() {
        return "usage: SimulatorMain [--amazon-port 9101] [--amazon-sandbox-port <amazon-port + 1>] [--host 127.0.0.1]"
                + " [--orders 1500] [--listings 200] [--speed 1] [--seed 42] [--token-ttl PT1H] [--lookback P30D]"
                + " [--order-lag PT2M] [--shopify-port 9105] [--walmart-port 9121] [--kaufland-port 9131]"
                + " [--zalando-port 9141] [--bol-port 9151]" + EbayLaunch.usage();
    }
}
