package io.nexusconnect.sims.ebay;

import io.nexusconnect.sims.common.lifecycle.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneId;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;

/**
 * How an eBay simulator runs. See BEHAVIOR.md for where each default comes from.
 *
 * @param port              API + OAuth port, 0 = random
 * @param accessTokenTtl    user access token lifetime ({@code expires_in} 7200 on eBay)
 * @param refreshTokenTtl   refresh token lifetime (about 18 months on eBay: 47,304,000 s)
 * @param refreshTokenAge   how long before start the demo refresh token was issued (tests move it towards expiry)
 * @param dailyCallLimits   calls per day and application, by API ({@link EbayApi#quotaName()})
 * @param quotaResetZone    the day of a daily quota ends at midnight in this zone
 * @param pushRetryDelay    the wait before the first retry of a notification a destination did not take (2xx);
 *                          doubled for each further attempt
 * @param pushMaxAttempts   attempts per notification before it is given up
 */
public record EbaySimConfig(String host, int port, long seed, int orderCount, int itemCount, Duration lookback,
                            Duration accessTokenTtl, Duration refreshTokenTtl, Duration refreshTokenAge,
                            Map<EbayApi, Long> dailyCallLimits, ZoneId quotaResetZone, Duration pushRetryDelay,
                            int pushMaxAttempts, Clock clock) implements SimulatorConfig {

    /** The default daily quotas (BEHAVIOR.md: Fulfillment and Inventory are not on the captured docs page). */
    public static final Map<EbayApi, Long> DEFAULT_DAILY_LIMITS = Map.of(
            EbayApi.FULFILLMENT, 100_000L,
            EbayApi.INVENTORY, 2_000_000L,
            EbayApi.IDENTITY, 5_000L,
            EbayApi.ANALYTICS, 5_000L,
            EbayApi.NOTIFICATION, 10_000L);

    public EbaySimConfig {
        Objects.requireNonNull(host, "host");
        Objects.requireNonNull(clock, "clock");
        Objects.requireNonNull(quotaResetZone, "quotaResetZone");
        if (port < 0 || port > 65535) {
            throw new IllegalArgumentException("port must be between 0 and 65535");
        }
        if (orderCount < 0 || itemCount < 1) {
            throw new IllegalArgumentException("orderCount must be >= 0 and itemCount >= 1");
        }
        if (accessTokenTtl.isNegative() || accessTokenTtl.isZero() || refreshTokenTtl.isNegative()
                || refreshTokenTtl.isZero() || refreshTokenAge.isNegative()) {
            throw new IllegalArgumentException("token lifetimes must be positive and the refresh token age >= 0");
        }
        if (pushRetryDelay.isNegative() || pushRetryDelay.isZero() || pushMaxAttempts < 1) {
            throw new IllegalArgumentException("pushRetryDelay must be positive and pushMaxAttempts at least 1");
        }
        if (lookback.compareTo(Duration.ofHours(1)) < 0) {
            throw new IllegalArgumentException("lookback must be at least an hour");
        }
        Map<EbayApi, Long> limits = new LinkedHashMap<>(DEFAULT_DAILY_LIMITS);
        limits.putAll(dailyCallLimits == null ? Map.of() : dailyCallLimits);
        limits.values().forEach(v -> {
            if (v < 1) {
                throw new IllegalArgumentException("daily call limits must be at least 1");
            }
        });
        dailyCallLimits = Map.copyOf(limits);
    }

    public static EbaySimConfig defaults() {
        return builder().build();
    }

    public static Builder builder() {
        return new Builder();
    }

    public long dailyLimit(EbayApi api) {
        return dailyCallLimits.get(api);
    }

    public static final class Builder {
        private String host = "127.0.0.1";
        private int port;
        private long seed = 42;
        private int orderCount = 300;
        private int itemCount = 60;
        private Duration lookback = Duration.ofDays(30);
        private Duration accessTokenTtl = Duration.ofHours(2);
        private Duration refreshTokenTtl = Duration.ofSeconds(47_304_000);
        private Duration refreshTokenAge = Duration.ZERO;
        private final Map<EbayApi, Long> dailyCallLimits = new LinkedHashMap<>();
        private ZoneId quotaResetZone = ZoneId.of("America/Los_Angeles");
        private Duration pushRetryDelay = Duration.ofSeconds(30);
        private int pushMaxAttempts = 5;
        private Clock clock = Clock.systemUTC();

        public Builder pushRetryDelay(Duration value) {
            pushRetryDelay = value;
            return this;
        }

        public Builder pushMaxAttempts(int value) {
            pushMaxAttempts = value;
            return this;
        }

        public Builder host(String value) {
            host = value;
            return this;
        }

        public Builder port(int value) {
            port = value;
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

        public Builder itemCount(int value) {
            itemCount = value;
            return this;
        }

        public Builder lookback(Duration value) {
            lookback = value;
            return this;
        }

        public Builder accessTokenTtl(Duration value) {
            accessTokenTtl = value;
            return this;
        }

        public Builder refreshTokenTtl(Duration value) {
            refreshTokenTtl = value;
            return this;
        }

        public Builder refreshTokenAge(Duration value) {
            refreshTokenAge = value;
            return this;
        }

        public Builder dailyCallLimit(EbayApi api, long callsPerDay) {
            dailyCallLimits.put(api, callsPerDay);
            return this;
        }

        public Builder quotaResetZone(ZoneId value) {
            quotaResetZone = value;
            return this;
        }

        public Builder clock(Clock value) {
            clock = value;
            return this;
        }

        public EbaySimConfig build() {
            return new EbaySimConfig(host, port, seed, orderCount, itemCount, lookback, accessTokenTtl,
                    refreshTokenTtl, refreshTokenAge, dailyCallLimits, quotaResetZone, pushRetryDelay, pushMaxAttempts, clock);
        }
    }
}
