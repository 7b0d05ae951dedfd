package io.nexusconnect.adapterkit.skeleton;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.auth.AccessToken;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Endpoint;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2Grant;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2TokenClient;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2TokenClients;
import io.nexusconnect.adapterkit.client.MarketplaceApi;
import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.QueryStrings;
import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.adapterkit.errors.ErrorClassifier;
import io.nexusconnect.adapterkit.paging.Page;
import io.nexusconnect.adapterkit.paging.PageRequest;
import io.nexusconnect.adapterkit.paging.PageShapes;
import jakarta.enterprise.context.ApplicationScoped;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;

/** The marketplace's API: what is code (requests, answers); limits and hosts are in application.properties. */
@ApplicationScoped
public class ExampleApi {
    static final String API = "example";
    static final String TOKEN_API = "example-auth";
    static final String GET_OFFERS = "getOffers";
    static final String PUT_STOCK = "putStock";

    private final MarketplaceApi api;
    private final OAuth2TokenClient tokens;

    public ExampleApi(MarketplaceApis apis, OAuth2TokenClients tokenClients) {
        String marketplace = ExampleSyncCycle.MARKETPLACE.id();
        this.api = apis.open(marketplace, API, builder -> builder.classifier(ErrorClassifier.byStatus()));
        this.tokens = tokenClients.open(marketplace, TOKEN_API, url -> OAuth2Endpoint.basicForm("Example login", url));
    }

    /** One page of offers changed after {@code after}: offset/limit paging with the total in the answer. */
    public Page<JsonNode> offers(ConnectionCredentials credentials, Instant after, PageRequest page) {
        JsonNode body = call(credentials, token -> MarketplaceRequest.get(GET_OFFERS, account(credentials), api.url("/offers"))
                .query("updated_after", after.toString())
                .query("offset", Long.toString(page.offset()))
                .query("limit", Integer.toString(page.limit()))
                .secretHeader("Authorization", "Bearer " + token.value())
                .build()).json();
        List<JsonNode> offers = new ArrayList<>();
        body.path("offers").forEach(offers::add);
        return Page.withTotal(offers, PageShapes.total(body, "/total"));
    }

    public MarketplaceResponse putStock(ConnectionCredentials credentials, String sku, int quantity) {
        return call(credentials, token -> MarketplaceRequest.method("PUT", PUT_STOCK, account(credentials),
                        api.url("/offers/" + QueryStrings.encode(sku) + "/stock"))
                .secretHeader("Authorization", "Bearer " + token.value())
                .body("application/json", "{\"amount\":" + quantity + "}")
                .build());
    }

    private MarketplaceResponse call(ConnectionCredentials credentials, Function<AccessToken, MarketplaceRequest> request) {
        OAuth2Grant grant = OAuth2Grant.clientCredentials(credentials.require("clientId"),
                credentials.require("clientSecret"), null);
        return tokens.withToken(credentials.fingerprint(), grant, token -> api.http().call(request.apply(token)));
    }

    /** Usage plans are per seller account: the connection's buckets are its own. */
    private static String account(ConnectionCredentials credentials) {
        return credentials.connectionId().toString();
    }
}
