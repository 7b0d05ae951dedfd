package io.nexusconnect.sims.ebay.notification;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.ebay.model.EbayLineItem;
import io.nexusconnect.sims.ebay.model.EbayOrder;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;

/**
 * The events of the simulated marketplace that eBay notifies about, turned into pushes to the subscribed
 * destinations. Payloads are thin, as eBay's are: an order confirmation names the order and the line (the receiver
 * reads the order with the Fulfillment API), a revocation or deletion names the user.
 */
public final class NotificationEvents {
    private final NotificationState state;
    private final NotificationPusher pusher;
    private final Clock clock;

    public NotificationEvents(NotificationState state, NotificationPusher pusher, Clock clock) {
        this.state = state;
        this.pusher = pusher;
        this.clock = clock;
    }

    /**
     * ORDER_CONFIRMATION, one per line item of the order (the topic's asyncapi contract), to every enabled subscription
     * of the seller. Answers the notification ids.
     */
    public List<String> orderConfirmed(EbayOrder order, String sellerUserId, String sellerUsername) {
        NotificationState.Topic topic = state.topic(NotificationState.ORDER_CONFIRMATION).orElseThrow();
        List<String> ids = new ArrayList<>();
        for (NotificationState.Destination destination : state.recipients(topic.topicId(), null, sellerUserId, true)) {
            for (EbayLineItem line : order.lineItems()) {
                ObjectNode data = Json.object().put("orderId", order.orderId()).put("lineItemId", line.lineItemId())
                        .put("legacyItemId", line.legacyItemId()).put("sellerUserId", sellerUserId)
                        .put("sellerUsername", sellerUsername).put("buyerUsername", order.buyerUsername());
                ids.add(pusher.push(destination.endpoint(), topic.topicId(), topic.schemaVersion(),
                        order.creationDate(), data));
            }
        }
        return ids;
    }

    /** AUTHORIZATION_REVOCATION of the seller's consent to application {@code clientId}. */
    public List<String> authorizationRevoked(String clientId, String userId, String username, String reason) {
        ObjectNode data = user(userId, username).put("revokeReason", reason)
                .put("revocationDate", clock.instant().toString());
        return pushToApplications(NotificationState.AUTHORIZATION_REVOCATION, clientId, userId, data);
    }

    /** MARKETPLACE_ACCOUNT_DELETION: the user's account is gone; every application subscribed hears of it. */
    public List<String> accountDeleted(String userId, String username) {
        return pushToApplications(NotificationState.MARKETPLACE_ACCOUNT_DELETION, null, userId, user(userId, username));
    }

    private List<String> pushToApplications(String topicId, String clientId, String userId, ObjectNode data) {
        NotificationState.Topic topic = state.topic(topicId).orElseThrow();
        Instant now = clock.instant();
        return state.recipients(topicId, clientId, userId, false).stream()
                .map(d -> pusher.push(d.endpoint(), topicId, topic.schemaVersion(), now, data.deepCopy()))
                .toList();
    }

    private static ObjectNode user(String userId, String username) {
        return Json.object().put("username", username).put("userId", userId)
                .put("eiasToken", "nY+sHZ2PrBmdj6wVnY+sEZ2PrA2dj6" + Integer.toHexString(userId.hashCode()));
    }
}
