package io.nexusconnect.faults;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.CredentialField;
import io.nexusconnect.contracts.connection.CredentialSchemas;
import io.nexusconnect.local.demo.ConnectionsClient;
import io.nexusconnect.local.demo.DemoMarketplaces;
import io.nexusconnect.sims.bol.BolSimulator;
import io.nexusconnect.sims.ebay.notification.NotificationSigner;
import io.nexusconnect.sims.kaufland.KauflandSimulator;
import io.nexusconnect.sims.walmart.WalmartSimulator;

import java.security.SecureRandom;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One connection per marketplace whose webhooks the gateway verifies besides Shopify (eBay, Walmart, bol.com,
 * Kaufland), created through connection-service's REST API with the simulators' demo credentials and webhook secrets
 * of their own (so the test knows them: Walmart's HMAC secret, bol's and Kaufland's path tokens, eBay's verification
 * token). Their adapters do not run: the gateway needs only the connections, and eBay's key service (the simulator).
 */
record WebhookConnections(List<WebhookSender> senders, List<String> secrets) {

    static WebhookConnections create(ConnectionsClient api, String gatewayUrl, NotificationSigner ebaySigner) {
        List<WebhookSender> senders = new ArrayList<>();
        List<String> secrets = new ArrayList<>();

        Map<String, String> ebay = new LinkedHashMap<>(DemoMarketplaces.ebayFields());
        senders.add(new EbayWebhooks(gatewayUrl, create(api, Marketplace.EBAY, ebay, secrets), ebaySigner));

        String walmartSecret = generated();
        Map<String, String> walmart = form("clientId", WalmartSimulator.DEMO.clientId(),
                "clientSecret", WalmartSimulator.DEMO.clientSecret(), "webhookSecret", walmartSecret);
        senders.add(new WalmartWebhooks(gatewayUrl, create(api, Marketplace.WALMART, walmart, secrets), walmartSecret));

        String bolToken = generated();
        Map<String, String> bol = form("clientId", BolSimulator.DEMO.clientId(), "clientSecret", BolSimulator.DEMO.clientSecret(),
                "webhookToken", bolToken);
        senders.add(new PathTokenWebhooks(Marketplace.BOL, gatewayUrl, create(api, Marketplace.BOL, bol, secrets), bolToken));

        String kauflandToken = generated();
        Map<String, String> kaufland = form("clientKey", KauflandSimulator.DEMO.clientKey(),
                "secretKey", KauflandSimulator.DEMO.secretKey(), "storefront", "de", "webhookToken", kauflandToken);
        senders.add(new PathTokenWebhooks(Marketplace.KAUFLAND, gatewayUrl,
                create(api, Marketplace.KAUFLAND, kaufland, secrets), kauflandToken));
        return new WebhookConnections(List.copyOf(senders), List.copyOf(secrets));
    }

    /** Creates the connection; the values of the fields its credential form marks secret are added to {@code secrets}. */
    private static String create(ConnectionsClient api, Marketplace marketplace, Map<String, String> fields, List<String> secrets) {
        CredentialSchemas.of(marketplace).fields().stream().filter(CredentialField::secret).map(CredentialField::name)
                .map(fields::get).filter(value -> value != null && !value.isBlank()).forEach(secrets::add);
        return api.create(marketplace.id(), "Faults " + marketplace.displayName(), fields).path("id").asText();
    }

    /** A credential form from field, value, field, value, … */
    private static Map<String, String> form(String... fieldsAndValues) {
        Map<String, String> form = new LinkedHashMap<>();
        for (int i = 0; i < fieldsAndValues.length; i += 2) {
            form.put(fieldsAndValues[i], fieldsAndValues[i + 1]);
        }
        return form;
    }

    /** A webhook secret as nexus generates them: 32 random bytes, hex (64 of [A-Za-z0-9_-]). */
    private static String generated() {
        byte[] bytes = new byte[32];
        new SecureRandom().nextBytes(bytes);
        return HexFormat.of().formatHex(bytes);
    }
}
