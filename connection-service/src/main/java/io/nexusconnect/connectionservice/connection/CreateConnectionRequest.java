package io.nexusconnect.connectionservice.connection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.Map;

/**
 * A new connection. All fields of the marketplace's credential form travel in one {@code fields} map, secret or not;
 * the marketplace's schema decides which are sealed (secrets) and which are kept as plain properties.
 */
@Schema(name = "CreateConnection", description = """
        A new marketplace connection. `fields` holds every field of the marketplace's credential form, secret or not; \
        the service splits them by the marketplace's credential schema: secrets are sealed and only ever shown \
        masked, the others become the connection's properties (GET /api/marketplaces lists every form). \
        Amazon: lwaClientId, lwaClientSecret, refreshToken (secrets), sellingPartnerId, marketplaceIds \
        (comma-separated), region (NA/EU/FE), sandbox (true/false, optional), sellerCentralUrl (optional). \
        Bol.com: clientId, clientSecret. eBay: appId, devId, certId, userToken, refreshToken, \
        notificationVerificationToken, environment (optional). Walmart: clientId, clientSecret, \
        acknowledgeOrders (optional, true|false). Shopify: shopDomain (*.myshopify.com), \
        adminApiAccessToken, apiSecretKey, locationId (optional stock location). Zalando: clientId, clientSecret, merchantId. Kaufland: clientKey, \
        secretKey, storefront.""")
public record CreateConnectionRequest(
        @Schema(required = true, enumeration = {"amazon", "ebay", "walmart", "shopify", "bol", "zalando", "kaufland"})
        String marketplace,
        @Schema(description = "display name of the card; defaults to the marketplace and account", maxLength = 200)
        String label,
        @Schema(description = "free text telling accounts of one marketplace apart", maxLength = 1000)
        String description,
        @Schema(required = true, description = "credential form fields by name",
                example = "{\"lwaClientId\":\"amzn1.application-oa2-client.0123456789abcdef\","
                        + "\"lwaClientSecret\":\"amzn1.oa2-cs.v1.0123456789abcdef0123\","
                        + "\"refreshToken\":\"Atzr|IwEBIExampleRefreshToken0123\",\"sellingPartnerId\":\"A3TH9S8BH6GOGM\","
                        + "\"marketplaceIds\":\"ATVPDKIKX0DER\",\"region\":\"NA\",\"sandbox\":\"true\"}")
        Map<String, String> fields,
        SettingsInput settings) {

    @Override
    public String toString() {
        // the fields hold secrets: never print their values
        return "CreateConnectionRequest[" + marketplace + ", fields=" + (fields == null ? "none" : fields.keySet()) + "]";
    }
}
