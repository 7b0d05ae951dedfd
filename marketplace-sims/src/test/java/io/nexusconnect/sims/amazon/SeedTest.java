package io.nexusconnect.sims.amazon;

import io.nexusconnect.sims.amazon.model.FulfillmentChannel;
import io.nexusconnect.sims.amazon.model.OrderStatus;
import io.nexusconnect.sims.amazon.model.SimListing;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.common.SimClock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;

import static org.assertj.core.api.Assertions.assertThat;

class SeedTest {
    private static final Instant START = Instant.parse("2026-03-02T10:00:00Z");

    private static AmazonSimConfig config(long seed) {
        return AmazonSimConfig.builder().seed(seed).orderCount(1500).listingCount(200)
                .clock(new SimClock(START)).build();
    }

    @Test
    @DisplayName("Given the same seed and start time, when two simulators start, then they hold identical orders and listings; another seed differs")
    void deterministic() {
        try (AmazonSimulator a = AmazonSimulator.start(config(42));
             AmazonSimulator b = AmazonSimulator.start(config(42));
             AmazonSimulator c = AmazonSimulator.start(config(43))) {
            assertThat(a.orders()).isEqualTo(b.orders());
            assertThat(a.listings()).isEqualTo(b.listings());
            assertThat(c.orders()).isNotEqualTo(a.orders());
        }
    }

    @Test
    @DisplayName("Given 1500 orders and 200 listings, when seeded, then ids, ages, statuses, channels and order lines look like a real seller's")
    void realisticData() {
        try (AmazonSimulator sim = AmazonSimulator.start(config(7))) {
            assertThat(sim.orders()).hasSize(1500);
            assertThat(sim.listings()).hasSize(200);
            Map<String, SimListing> bySku = sim.listings().stream()
                    .collect(Collectors.toMap(SimListing::sku, l -> l));
            Instant newest = START.minus(Duration.ofMinutes(3));
            Instant oldest = START.minus(Duration.ofDays(30));
            for (SimOrder order : sim.orders()) {
                assertThat(order.amazonOrderId()).matches("\\d{3}-\\d{7}-\\d{7}");
                assertThat(order.purchaseDate()).isBetween(oldest, newest);
                assertThat(order.lastUpdateDate()).isBetween(order.purchaseDate(), newest);
                assertThat(order.items()).hasSizeBetween(1, 3);
                order.items().forEach(item -> {
                    assertThat(bySku).containsKey(item.sellerSku());
                    assertThat(item.asin()).isEqualTo(bySku.get(item.sellerSku()).asin());
                });
                if (order.status() == OrderStatus.PARTIALLY_SHIPPED) {
                    assertThat(order.numberOfItemsShipped()).isPositive();
                    assertThat(order.numberOfItemsUnshipped()).isPositive();
                }
            }
            Set<OrderStatus> statuses = sim.orders().stream().map(SimOrder::status).collect(Collectors.toSet());
            assertThat(statuses).contains(OrderStatus.SHIPPED, OrderStatus.UNSHIPPED, OrderStatus.PENDING,
                    OrderStatus.PARTIALLY_SHIPPED, OrderStatus.CANCELED);
            assertThat(sim.orders()).extracting(SimOrder::fulfillmentChannel)
                    .contains(FulfillmentChannel.MFN, FulfillmentChannel.AFN);
            assertThat(sim.listings()).allSatisfy(l -> {
                assertThat(l.asin()).matches("B0[A-Z0-9]{8}");
                assertThat(l.price().scale()).isEqualTo(2);
                assertThat(l.lastUpdatedDate()).isBefore(newest.plusSeconds(1));
            });
            assertThat(sim.listings()).anyMatch(SimListing::fulfilledByAmazon).anyMatch(l -> !l.fulfilledByAmazon());
        }
    }
}
