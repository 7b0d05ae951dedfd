package io.nexusconnect.faults;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.sims.ebay.notification.NotificationSigner;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.Signature;
import java.security.spec.ECGenParameterSpec;
import java.time.Instant;
import java.util.Base64;
import java.util.Map;

/**
 * Notifications as eBay pushes them (https://developer.ebay.com/api-docs/commerce/notification/overview.html): compact
 * JSON {@code {metadata, notification{notificationId, …}}} with {@code X-EBAY-SIGNATURE} = base64 of
 * {@code {"alg":"ecdsa","kid":…,"signature":…,"digest":"SHA1"}}. Genuine ones are signed by the eBay simulator's key,
 * whose public half the gateway fetches from the simulator's getPublicKey; forged ones name the same key id but are
 * signed with another P-256 key. The event id is {@code notificationId}.
 */
final class EbayWebhooks extends WebhookSender {
    private final NotificationSigner ebay;
    private final KeyPair foreign;

    EbayWebhooks(String gatewayUrl, String connectionId, NotificationSigner ebay) {
        super(gatewayUrl, connectionId);
        this.ebay = ebay;
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("EC");
            generator.initialize(new ECGenParameterSpec("secp256r1"));
            this.foreign = generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    Marketplace marketplace() {
        return Marketplace.EBAY;
    }

    @Override
    Delivery genuine(String id) {
        byte[] body = body(id);
        return delivery(id, callbackUrl(connectionId), body, ebay.signatureHeader(body));
    }

    @Override
    Delivery forged(String id) {
        byte[] body = body(id);
        return delivery(id, callbackUrl(connectionId), body, foreignSignature(body));
    }

    @Override
    Delivery oversized(String id, int bytes) {
        byte[] body = WebhookSender.padded("{\"notificationId\":\"" + id + "\"}", bytes);
        return delivery(id, callbackUrl(connectionId), body, ebay.signatureHeader(body));
    }

    @Override
    Delivery toUnknownConnection(String id, String unknownConnectionId) {
        byte[] body = body(id);
        return delivery(id, callbackUrl(unknownConnectionId), body, ebay.signatureHeader(body));
    }

    private static Delivery delivery(String id, String url, byte[] body, String signature) {
        return new Delivery(id, url, Map.of("X-EBAY-SIGNATURE", signature), body);
    }

    private static byte[] body(String notificationId) {
        String now = Instant.now().toString();
        return ("{\"metadata\":{\"topic\":\"ORDER_CONFIRMATION\",\"schemaVersion\":\"1.0\",\"deprecated\":false},"
                + "\"notification\":{\"notificationId\":\"" + notificationId + "\",\"eventDate\":\"" + now
                + "\",\"publishDate\":\"" + now + "\",\"publishAttemptCount\":1,\"data\":{\"orderId\":\"12-"
                + Math.abs(notificationId.hashCode()) + "\"}}}").getBytes(StandardCharsets.UTF_8);
    }

    /** A well-formed header naming the simulator's key id, over a signature that key never made. */
    private String foreignSignature(byte[] body) {
        try {
            Signature signer = Signature.getInstance("SHA1withECDSA");
            signer.initSign(foreign.getPrivate());
            signer.update(body);
            String json = "{\"alg\":\"ecdsa\",\"kid\":\"" + ebay.keyId() + "\",\"signature\":\""
                    + Base64.getEncoder().encodeToString(signer.sign()) + "\",\"digest\":\"SHA1\"}";
            return Base64.getEncoder().encodeToString(json.getBytes(StandardCharsets.UTF_8));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
