package io.nexusconnect.sims.ebay;

import java.util.Set;

/**
 * The eBay REST APIs simulated, each with its own daily call quota, error domain and the OAuth scopes its reading and
 * writing methods accept (from the {@code security} of each operation in shared/specs/ebay/*.json).
 */
public enum EbayApi {
    FULFILLMENT("sell.fulfillment", "API_FULFILLMENT", "30500", "System error",
            Set.of(Scopes.FULFILLMENT, Scopes.FULFILLMENT + ".readonly"), Set.of(Scopes.FULFILLMENT)),
    INVENTORY("sell.inventory", "API_INVENTORY", "25001", "A system error has occurred.",
            Set.of(Scopes.INVENTORY, Scopes.INVENTORY + ".readonly"), Set.of(Scopes.INVENTORY)),
    IDENTITY("commerce.identity", "API_IDENTITY", "140000",
            "There was a problem with an eBay internal system or process. Contact eBay developer support for assistance.",
            Set.of(Scopes.IDENTITY), Set.of(Scopes.IDENTITY)),
    NOTIFICATION("commerce.notification", "API_NOTIFICATION", "195000",
            "There was a problem with an eBay internal system or process. Contact eBay developer support for assistance.",
            Set.of(Scopes.BASE, Scopes.NOTIFICATION_SUBSCRIPTION, Scopes.NOTIFICATION_SUBSCRIPTION + ".readonly"),
            Set.of(Scopes.BASE, Scopes.NOTIFICATION_SUBSCRIPTION)),
    ANALYTICS("developer.analytics", "API_ANALYTICS", "90000", "A system error has occurred.",
            Set.of(Scopes.INVENTORY, Scopes.INVENTORY + ".readonly"), Set.of());

    private final String quotaName;
    private final String domain;
    private final String systemErrorId;
    private final String systemErrorMessage;
    private final Set<String> readScopes;
    private final Set<String> writeScopes;

    EbayApi(String quotaName, String domain, String systemErrorId, String systemErrorMessage, Set<String> readScopes,
            Set<String> writeScopes) {
        this.quotaName = quotaName;
        this.domain = domain;
        this.systemErrorId = systemErrorId;
        this.systemErrorMessage = systemErrorMessage;
        this.readScopes = readScopes;
        this.writeScopes = writeScopes;
    }

    /** The resource name getUserRateLimits reports the quota under, e.g. {@code sell.fulfillment}. */
    public String quotaName() {
        return quotaName;
    }

    public String domain() {
        return domain;
    }

    public String systemErrorId() {
        return systemErrorId;
    }

    public String systemErrorMessage() {
        return systemErrorMessage;
    }

    public Set<String> scopes(boolean write) {
        return write ? writeScopes : readScopes;
    }

    /** The OAuth scope URIs. */
    public static final class Scopes {
        public static final String BASE = "https://api.ebay.com/oauth/api_scope";
        public static final String FULFILLMENT = BASE + "/sell.fulfillment";
        public static final String INVENTORY = BASE + "/sell.inventory";
        public static final String IDENTITY = BASE + "/commerce.identity.readonly";
        public static final String ACCOUNT = BASE + "/sell.account";
        public static final String NOTIFICATION_SUBSCRIPTION = BASE + "/commerce.notification.subscription";

        private Scopes() {
        }
    }
}
