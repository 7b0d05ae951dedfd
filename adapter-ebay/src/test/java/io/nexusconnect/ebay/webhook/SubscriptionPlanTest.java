package io.nexusconnect.ebay.webhook;

import io.nexusconnect.ebay.webhook.NotificationApi.Subscription;
import io.nexusconnect.ebay.webhook.NotificationApi.Topic;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SubscriptionPlanTest {
    private static final Topic ORDERS = new Topic("ORDER_CONFIRMATION", "USER", "1.0");
    private static final Topic REVOCATION = new Topic("AUTHORIZATION_REVOCATION", "APPLICATION", "1.0");
    private static final String OURS = "dest-ours";

    @Test
    @DisplayName("Nothing at eBay yet: every wanted topic is created")
    void createsMissing() {
        // when the plan is made from an empty list
        SubscriptionPlan plan = SubscriptionPlan.register(List.of(ORDERS, REVOCATION), List.of(), OURS);

        // then both topics are created and nothing else happens
        assertThat(plan.create()).containsExactly(ORDERS, REVOCATION);
        assertThat(plan.enable()).isEmpty();
        assertThat(plan.move()).isEmpty();
        assertThat(plan.delete()).isEmpty();
    }

    @Test
    @DisplayName("A disabled subscription of ours is enabled, a stale one deleted, an enabled one kept")
    void enablesDisabledDeletesStale() {
        // given eBay lists a disabled order subscription, an enabled revocation one and a stale topic, all ours
        Subscription disabled = new Subscription("s1", "ORDER_CONFIRMATION", "DISABLED", "1.0", OURS, true);
        Subscription kept = new Subscription("s2", "AUTHORIZATION_REVOCATION", "ENABLED", "1.0", OURS, false);
        Subscription stale = new Subscription("s3", "ITEM_MARKED_SHIPPED", "ENABLED", "1.0", OURS, true);

        // when the plan is made
        SubscriptionPlan plan = SubscriptionPlan.register(List.of(ORDERS, REVOCATION), List.of(disabled, kept, stale), OURS);

        // then the disabled one is enabled, the stale one deleted, nothing created
        assertThat(plan.enable()).containsExactly(disabled);
        assertThat(plan.delete()).containsExactly(stale);
        assertThat(plan.create()).isEmpty();
        assertThat(plan.move()).isEmpty();
    }

    @Test
    @DisplayName("The seller's subscription on another destination is moved here; the keyset's application subscription elsewhere is left alone")
    void movesUserLeavesApplication() {
        // given the seller's order subscription and the application's revocation subscription point elsewhere
        Subscription sellers = new Subscription("s1", "ORDER_CONFIRMATION", "ENABLED", "1.0", "dest-old", true);
        Subscription applications = new Subscription("s2", "AUTHORIZATION_REVOCATION", "ENABLED", "1.0", "dest-other", false);

        // when the plan is made
        SubscriptionPlan plan = SubscriptionPlan.register(List.of(ORDERS, REVOCATION), List.of(sellers, applications), OURS);

        // then only the seller's is moved, and nothing is created or deleted
        assertThat(plan.move()).containsExactly(sellers);
        assertThat(plan.create()).isEmpty();
        assertThat(plan.delete()).isEmpty();
        assertThat(plan.isEmpty()).isFalse();
    }

    @Test
    @DisplayName("Unregistering deletes only what points at the connection's destination")
    void unregisterDeletesOurs() {
        // given one subscription of ours and one of another destination
        Subscription ours = new Subscription("s1", "ORDER_CONFIRMATION", "ENABLED", "1.0", OURS, true);
        Subscription theirs = new Subscription("s2", "ORDER_CONFIRMATION", "ENABLED", "1.0", "dest-other", true);

        // when unregistering is planned, then only ours goes
        assertThat(SubscriptionPlan.unregister(List.of(ours, theirs), OURS).delete()).containsExactly(ours);
    }
}
