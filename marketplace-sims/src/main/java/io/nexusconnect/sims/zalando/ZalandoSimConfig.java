package io.nexusconnect.sims.zalando;

import io.nexusconnect.sims.common.lifecycle.SimulatorConfig;
import java.time.Clock;
import java.time.Duration;

/**
 * What a zDirect simulator instance looks like. The Stocks API limits are documented (60 requests and 2000 stock
 * updates a minute, 1000 updates a request), the Orders API's too (production: 40 order-list GETs and 2000 PATCHes a
 * minute); the token lifetime is not captured in the stored pages. All are values here (BEHAVIOR-zalando.md).
 */
public record ZalandoSimConfig(String host, int port, Clock clock, long seed, int orderCount, String merchantId,
                               String salesChannelId, Duration tokenTtl, int getOrdersPerMinute, int patchesPerMinute,
                               int stockRequestsPerMinute, int stockUpdatesPerMinute, int maxStockItemsPerRequest,
                               int maxPageSize) implements SimulatorConfig {

    public static ZalandoSimConfig defaults() {
        return new ZalandoSimConfig("127.0.0.1", 0, Clock.systemUTC(), 42, 120,
                "3a5c3f7e-5b3c-4c1e-9b53-0e8d5a2f7c11", "091dcbdd-7839-4f39-aa05-324eb4599df0",
                Duration.ofHours(2), 40, 2000, 60, 2000, 1000, 1000);
    }

    public ZalandoSimConfig withHost(String newHost) {
        return new ZalandoSimConfig(newHost, port, clock, seed, orderCount, merchantId, salesChannelId, tokenTtl,
                getOrdersPerMinute, patchesPerMinute, stockRequestsPerMinute, stockUpdatesPerMinute, maxStockItemsPerRequest,
                maxPageSize);
    }

    public ZalandoSimConfig withPort(int newPort) {
        return new ZalandoSimConfig(host, newPort, clock, seed, orderCount, merchantId, salesChannelId, tokenTtl,
                getOrdersPerMinute, patchesPerMinute, stockRequestsPerMinute, stockUpdatesPerMinute, maxStockItemsPerRequest,
                maxPageSize);
    }

    public ZalandoSimConfig withClock(Clock newClock) {
        return new ZalandoSimConfig(host, port, newClock, seed, orderCount, merchantId, salesChannelId, tokenTtl,
                getOrdersPerMinute, patchesPerMinute, stockRequestsPerMinute, stockUpdatesPerMinute, maxStockItemsPerRequest,
                maxPageSize);
    }

    public ZalandoSimConfig withData(int orders, long newSeed) {
        return new ZalandoSimConfig(host, port, clock, newSeed, orders, merchantId, salesChannelId, tokenTtl,
                getOrdersPerMinute, patchesPerMinute, stockRequestsPerMinute, stockUpdatesPerMinute, maxStockItemsPerRequest,
                maxPageSize);
    }

    public ZalandoSimConfig withTokenTtl(Duration ttl) {
        return new ZalandoSimConfig(host, port, clock, seed, orderCount, merchantId, salesChannelId, ttl,
                getOrdersPerMinute, patchesPerMinute, stockRequestsPerMinute, stockUpdatesPerMinute, maxStockItemsPerRequest,
                maxPageSize);
    }

    /** Per-minute quotas: order-list GETs, order PATCHes, stock requests, stock updates. */
    public ZalandoSimConfig withLimits(int listsPerMinute, int patchesPer, int stockPerMinute, int stockUpdatesPer) {
        return new ZalandoSimConfig(host, port, clock, seed, orderCount, merchantId, salesChannelId, tokenTtl,
                listsPerMinute, patchesPer, stockPerMinute, stockUpdatesPer, maxStockItemsPerRequest, maxPageSize);
    }
}
