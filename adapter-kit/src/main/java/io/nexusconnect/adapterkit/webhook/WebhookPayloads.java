package io.nexusconnect.adapterkit.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.kafka.PoisonRecordException;
import io.nexusconnect.contracts.webhook.WebhookReceived;

import java.io.IOException;

/** Reading a delivery's raw body: what cannot be read never will be, so it is poison (DLQ with the reason). */
public final class WebhookPayloads {
    private WebhookPayloads() {
    }

    /** The body as a JSON object; anything else is a {@link PoisonRecordException} naming the delivery. */
    public static JsonNode jsonObject(WebhookReceived delivery) {
        try {
            JsonNode body = Json.mapper().readTree(delivery.bodyBytes());
            if (body == null || !body.isObject()) {
                throw new PoisonRecordException(delivery.marketplace().displayName() + " webhook " + delivery.webhookId()
                        + " is not a JSON object");
            }
            return body;
        } catch (IOException e) {
            throw new PoisonRecordException(delivery.marketplace().displayName() + " webhook " + delivery.webhookId()
                    + " is not JSON", e);
        }
    }
}
