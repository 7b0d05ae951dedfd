package io.nexusconnect.subscriber.state;

import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderStatus;
import io.nexusconnect.subscriber.Events;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.UUID;

import static io.nexusconnect.subscriber.Events.T0;
import static org.assertj.core.api.Assertions.assertThat;

@DisplayName("Latest wins, by key")
class UpsertRuleTest {
    private final UUID connection = UUID.randomUUID();

    private Order order(OrderStatus status, long updatedSecond, long observedSecond) {
        return Events.order(connection, "111-1", status, T0.plusSeconds(updatedSecond), T0.plusSeconds(observedSecond));
    }

    @Test
    @DisplayName("a first record, a later change and a later observation of the same change are applied")
    void newerApplies() {
        assertThat(UpsertRule.decide(null, Freshness.of(order(OrderStatus.PENDING, 0, 0)))).isEqualTo(UpsertRule.Decision.APPLY);
        assertThat(UpsertRule.decide(Freshness.of(order(OrderStatus.PENDING, 0, 5)), Freshness.of(order(OrderStatus.SHIPPED, 1, 1))))
                .as("a later marketplace change wins even when observed earlier").isEqualTo(UpsertRule.Decision.APPLY);
        assertThat(UpsertRule.decide(Freshness.of(order(OrderStatus.PENDING, 0, 0)), Freshness.of(order(OrderStatus.PENDING, 0, 9))))
                .isEqualTo(UpsertRule.Decision.APPLY);
    }

    @Test
    @DisplayName("a redelivery is a duplicate and an older change is stale")
    void duplicatesAndStale() {
        assertThat(UpsertRule.decide(Freshness.of(order(OrderStatus.SHIPPED, 5, 5)), Freshness.of(order(OrderStatus.SHIPPED, 5, 5))))
                .isEqualTo(UpsertRule.Decision.DUPLICATE);
        assertThat(UpsertRule.decide(Freshness.of(order(OrderStatus.SHIPPED, 5, 5)), Freshness.of(order(OrderStatus.PENDING, 1, 9))))
                .isEqualTo(UpsertRule.Decision.STALE);
    }

    @Test
    @DisplayName("folded by key, duplicates, a stale replay and a tombstone leave one current order per live key")
    void foldByKey() {
        // given
        LatestByKey<Order> state = new LatestByKey<>();
        Order shipped = order(OrderStatus.SHIPPED, 5, 5);
        Order other = Events.order(connection, "222-2", OrderStatus.PENDING, T0, T0);

        // when
        state.apply(shipped.key(), order(OrderStatus.PENDING, 0, 0));
        state.apply(shipped.key(), shipped);
        assertThat(state.apply(shipped.key(), shipped)).isEqualTo(UpsertRule.Decision.DUPLICATE);
        assertThat(state.apply(shipped.key(), order(OrderStatus.PENDING, 0, 0))).isEqualTo(UpsertRule.Decision.STALE);
        state.apply(other.key(), other);
        state.apply(new io.nexusconnect.subscriber.kafka.NexusRecord<>("nexus.orders.v1", 0, 9, other.key(),
                java.util.Optional.empty(), io.nexusconnect.subscriber.CloudEventAttributes.from(null)));

        // then
        assertThat(state.state()).containsExactly(java.util.Map.entry(shipped.key(), shipped));
    }
}
