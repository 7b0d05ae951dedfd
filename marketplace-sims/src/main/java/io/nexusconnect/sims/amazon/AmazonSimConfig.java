package io.nexusconnect.sims.amazon;

import io.nexusconnect.sims.common.lifecycle.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * How a simulator runs. {@link AmazonSimulator#DEMO}'s app and seller are always registered (first); more can be
 * added. See BEHAVIOR.md for what each knob changes.
 *
 * @param port               SP-API + LWA port, 0 = random
 * @param sandboxPort        port of the static sandbox, 0 = random
 * @param speedFactor        multiplies every documented rate (the bursts stay as documented)
 * @param orderLag           how far before "now" {@code LastUpdatedBefore}/{@code CreatedBefore} must lie (2 min on
 *                           Amazon; smaller values only for fast tests)
 * @param orderItemsPageSize order items per getOrderItems page (the model is silent)
 */
public record AmazonSimConfig(String host, int port, int sandboxPort, double speedFactor, Duration accessTokenTtl,
                              long seed, int orderCount, int listingCount, Duration lookback, Duration orderLag,
                              int orderItemsPageSize, Clock clock, List<LwaApp> apps, List<SellerAccount> sellers)
        implements SimulatorConfig {

    public AmazonSimConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        requireRange("port", port, 0, 65535);
        requireRange("sandboxPort", sandboxPort, 0, 65535);
        requireRange("orderCount", orderCount, 0, 10_000_000);
        requireRange("listingCount", listingCount, 1, 1_000_000);
        requireRange("orderItemsPageSize", orderItemsPageSize, 1, 1000);
        if (!(speedFactor > 0) || Double.isInfinite(speedFactor)) {
            throw new IllegalArgumentException("speedFactor must be a positive number");
        }
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero()) {
            throw new IllegalArgumentException("accessTokenTtl must be positive");
        }
        if (lookback.compareTo(Duration.ofMinutes(10)) < 0) {
            throw new IllegalArgumentException("lookback must be at least 10 minutes");
        }
        if (orderLag.isNegative()) {
            throw new IllegalArgumentException("orderLag must not be negative");
        }
        apps = withDemoFirst(apps, AmazonSimulator.DEMO.app(), LwaApp::clientId);
        sellers = withDemoFirst(sellers, AmazonSimulator.DEMO.seller(), SellerAccount::sellingPartnerId);
        for (SellerAccount seller : sellers) {
            if (apps.stream().noneMatch(a -> a.clientId().equals(seller.lwaClientId()))) {
                throw new IllegalArgumentException("seller " + seller.sellingPartnerId() + " authorized unknown app "
                        + seller.lwaClientId());
            }
        }
    }

    public static AmazonSimConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    private static void requireRange(String name, long value, long min, long max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(name + " must be between " + min + " and " + max + ": " + value);
        }
    }

    private static <T> List<T> withDemoFirst(List<T> given, T demo, java.util.function.Function<T, String> key) {
        Map<String, T> byKey = new LinkedHashMap<>();
        byKey.put(key.apply(demo), demo);
        for (T item : given == null ? List.<T>of() : given) {
            byKey.putIfAbsent(key.apply(item), item);
        }
        return List.copyOf(byKey.values());
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private int sandboxPort;
        private double speedFactor = 1.0;
        private Duration accessTokenTtl = Duration.ofSeconds(3600);
        private long seed = 42;
        private int orderCount = 1500;
        private int listingCount = 200;
        private Duration lookback = Duration.ofDays(30);
        private Duration orderLag = Duration.ofMinutes(2);
        private int orderItemsPageSize = 100;
        private Clock clock = Clock.systemUTC();
        private final List<LwaApp> apps = new ArrayList<>();
        private final List<SellerAccount> sellers = new ArrayList<>();

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
            return this;
        }

        public Builder sandboxPort(int value) {
            sandboxPort = value;
            return this;
        }

        public Builder speedFactor(double value) {
            speedFactor = value;
            return this;
        }

        public Builder accessTokenTtl(Duration value) {
            accessTokenTtl = value;
            return this;
        }

        public Builder seed(long value) {
            seed = value;
            return this;
        }

        public Builder orderCount(int value) {
            orderCount = value;
            return this;
        }

        /** Same as {@link #orderCount(int)}. */
        public Builder orders(int value) {
            return orderCount(value);
        }

        public Builder listingCount(int value) {
            listingCount = value;
            return this;
        }

        /** Same as {@link #listingCount(int)}. */
        public Builder listings(int value) {
            return listingCount(value);
        }

        public Builder lookback(Duration value) {
            lookback = value;
            return this;
        }

        public Builder orderLag(Duration value) {
            orderLag = value;
            return this;
        }

        public Builder orderItemsPageSize(int value) {
            orderItemsPageSize = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public Builder app(LwaApp app) {
            apps.add(app);
            return this;
        }

        public Builder seller(SellerAccount seller) {
            sellers.add(seller);
            return this;
        }

        public AmazonSimConfig build() {
            return new AmazonSimConfig(host, port, sandboxPort, speedFactor, accessTokenTtl, seed, orderCount,
                    listingCount, lookback, orderLag, orderItemsPageSize, clock, apps, sellers);
        }
    }
}
