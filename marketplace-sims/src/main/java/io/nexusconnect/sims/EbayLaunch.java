package io.nexusconnect.sims;

import io.nexusconnect.sims.ebay.EbayApi;
import io.nexusconnect.sims.ebay.EbaySimConfig;
import io.nexusconnect.sims.ebay.EbaySimulator;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The eBay simulator's command-line options ({@code --ebay-*}), taken out of the arguments before the Amazon ones are
 * parsed. The eBay simulator runs only when {@code --ebay-port} is given.
 */
record EbayLaunch(Optional<EbaySimConfig> config, String[] remaining) {

    static EbayLaunch parse(String[] args) {
        List<String> rest = new ArrayList<>();
        EbaySimConfig.Builder builder = EbaySimConfig.builder();
        boolean wanted = false;
        for (int i = 0; i < args.length; i++) {
            String name = args[i];
            if (!name.startsWith("--ebay-")) {
                rest.add(name);
                if (i + 1 < args.length) {
                    rest.add(args[++i]);
                }
                continue;
            }
            if (i + 1 >= args.length) {
                throw new IllegalArgumentException("missing value for " + name);
            }
            String value = args[++i];
            try {
                switch (name) {
                    case "--ebay-port" -> {
                        builder.port(Integer.parseInt(value));
                        wanted = true;
                    }
                    case "--ebay-orders" -> builder.orderCount(Integer.parseInt(value));
                    case "--ebay-items" -> builder.itemCount(Integer.parseInt(value));
                    case "--ebay-seed" -> builder.seed(Long.parseLong(value));
                    case "--ebay-lookback" -> builder.lookback(Duration.parse(value));
                    case "--ebay-token-ttl" -> builder.accessTokenTtl(Duration.parse(value));
                    case "--ebay-fulfillment-daily-limit" ->
                            builder.dailyCallLimit(EbayApi.FULFILLMENT, Long.parseLong(value));
                    case "--ebay-push-retry-delay" -> builder.pushRetryDelay(Duration.parse(value));
                    case "--ebay-inventory-daily-limit" ->
                            builder.dailyCallLimit(EbayApi.INVENTORY, Long.parseLong(value));
                    default -> throw new IllegalArgumentException("unknown option " + name);
                }
            } catch (IllegalArgumentException e) {
                if (e.getMessage() != null && e.getMessage().startsWith("unknown option")) {
                    throw e;
                }
                throw new IllegalArgumentException("invalid value for " + name + ": " + value, e);
            }
        }
        return new EbayLaunch(wanted ? Optional.of(builder.build()) : Optional.empty(), rest.toArray(String[]::new));
    }

    static void printStarted(EbaySimulator ebay) {
        EbaySimulator.DemoIdentity demo = EbaySimulator.DEMO;
        System.out.println("eBay REST simulator");
        System.out.println("  APIs (api/apiz.ebay.com) " + ebay.baseUrl());
        System.out.println("  OAuth token endpoint     " + ebay.tokenUrl());
        System.out.println("  faults admin             " + ebay.baseUrl() + "/__sim/faults");
        System.out.println("  webhook admin            POST " + ebay.baseUrl() + "/__sim/ebay/orders (pushes"
                + " ORDER_CONFIRMATION), /__sim/ebay/authorization-revocation; GET /__sim/ebay/notifications");
        System.out.println("  demo seller              " + demo.username() + " (" + demo.businessName() + ") on "
                + demo.marketplaceId() + ", client " + demo.clientId() + " (secret and refresh token: "
                + "EbaySimulator.DEMO)");
        System.out.println("  data                     " + ebay.config().orderCount() + " orders, "
                + ebay.config().itemCount() + " inventory items, seed " + ebay.config().seed());
    }

    static String usage() {
        return " [--ebay-port 9111 [--ebay-orders 300] [--ebay-items 60] [--ebay-seed 42] [--ebay-lookback P30D]"
                + " [--ebay-token-ttl PT2H] [--ebay-fulfillment-daily-limit 100000] [--ebay-inventory-daily-limit"
                + " 2000000] [--ebay-push-retry-delay PT30S]]";
    }
}
