package io.nexusconnect.shopify.client;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.nexusconnect.adapterkit.client.MarketplaceHttpClient;
import io.nexusconnect.adapterkit.client.MarketplaceRequest;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.client.MarketplaceApis;
import io.nexusconnect.adapterkit.client.Sleeper;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.shopify.config.ShopifyConfig;
import jakarta.annotation.PreDestroy;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;

import java.net.URI;
import java.time.Clock;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The GraphQL Admin API: {@code POST {shop}/admin/api/{version}/graphql.json} with the access token in
 * {@code X-Shopify-Access-Token}. HTTP-level retries (429 with Retry-After, 5xx, connection errors) are the kit's; on
 * top, every query is paced on the calculated cost ({@link CostPacer}) and a THROTTLED answer waits what the restore
 * rate needs before the one repeat. Queries are planned by the caller with their requested cost, which must not exceed
 * the single-query maximum.
 */
@ApplicationScoped
public class AdminApiClient {
    public static final String ACCESS_TOKEN_HEADER = "X-Shopify-Access-Token";
    /** The config group of the Admin API: {@code nexus.apis.admin-api.*}. */
    public static final String API = "admin-api";
    /** Keeps explicit nulls: {@code changeFromQuantity: null} is how 2026-04+ opts out of compare-and-swap. */
    private static final ObjectMapper REQUEST_JSON = new ObjectMapper();

    private final MarketplaceHttpClient http;
    private final CostPacer pacer;
    private final Clock clock;
    private final Sleeper sleeper;
    private final ShopifyConfig config;
    private final AtomicLong calls = new AtomicLong();
    private final AtomicLong throttled = new AtomicLong();
    private final AtomicLong pacedMillis = new AtomicLong();
    private final AtomicLong actualCost = new AtomicLong();

    /** The kit's config-driven client for {@code nexus.apis.admin-api} (retries, timeouts, breaker, metrics). */
    @Inject
    AdminApiClient(MarketplaceApis apis, ShopifyConfig config, Clock clock, Sleeper sleeper) {
        this(apis.open("shopify", API, builder -> builder.classifier(new ShopifyErrorClassifier())).http(), config,
                clock, sleeper);
    }

    public AdminApiClient(MarketplaceHttpClient http, ShopifyConfig config, Clock clock, Sleeper sleeper) {
        this.http = http;
        this.config = config;
        this.clock = clock;
        this.sleeper = sleeper;
        this.pacer = new CostPacer(config.cost().initialMaximumAvailable(), config.cost().initialRestoreRate());
    }

    /**
     * Runs a query (or mutation) whose requested cost the caller computed as {@code requestedCost}; answers its data.
     * Throws a classified {@link MarketplaceException}: rate_limited after too many THROTTLED answers, scope_missing
     * for ACCESS_DENIED, malformed_response for a body that is not a GraphQL answer, internal for other errors.
     */
    public GraphqlAnswer query(ShopifyAccount account, String operation, String query, Map<String, Object> variables,
                               int requestedCost) {
        if (requestedCost > config.cost().maxSingleQueryCost()) {
            throw new MarketplaceException(ErrorCode.INTERNAL, operation + " was planned at cost " + requestedCost
                    + ", above the single-query maximum " + config.cost().maxSingleQueryCost());
        }
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("query", query);
        body.put("variables", variables == null ? Map.of() : variables);
        String json;
        try {
            json = REQUEST_JSON.writeValueAsString(body);
        } catch (JsonProcessingException e) {
            throw new MarketplaceException(ErrorCode.INTERNAL, operation + ": variables cannot be written as JSON");
        }
        for (int attempt = 1; ; attempt++) {
            pace(account, requestedCost);
            calls.incrementAndGet();
            MarketplaceResponse response = http.call(MarketplaceRequest.method("POST", operation, account.rateKey(),
                            account.graphqlUrl())
                    .secretHeader(ACCESS_TOKEN_HEADER, account.accessToken().reveal())
                    .header("Accept", "application/json")
                    .body("application/json", json)
                    .build());
            JsonNode answer = response.json();
            if (!answer.isObject()) {
                throw response.malformed("an answer that is not a GraphQL response object", null);
            }
            pacer.observe(account.rateKey(), throttleStatus(answer), requestedCost, clock.instant());
            actualCost.addAndGet(answer.path("extensions").path("cost").path("actualQueryCost").asLong(0));
            JsonNode errors = answer.path("errors");
            if (errors.isArray() && !errors.isEmpty()) {
                String code = errors.path(0).path("extensions").path("code").asText("");
                String message = errors.path(0).path("message").asText("");
                if ("THROTTLED".equals(code)) {
                    throttled.incrementAndGet();
                    if (attempt >= config.cost().maxThrottledAttempts()) {
                        throw new MarketplaceException(ErrorCode.RATE_LIMITED, operation + " was THROTTLED "
                                + attempt + " times", response.status(), response.body(),
                                response.requestId().orElse(null),
                                pacer.waitBefore(account.rateKey(), requestedCost, clock.instant()), null);
                    }
                    continue; // the next pace() waits exactly what the restore rate needs
                }
                ErrorCode classified = "ACCESS_DENIED".equals(code) ? ErrorCode.SCOPE_MISSING : ErrorCode.INTERNAL;
                if (answer.path("data").isObject() && !"ACCESS_DENIED".equals(code)
                        && !"MAX_COST_EXCEEDED".equals(code)) {
                    // partial data with field errors: the step decides whether what it needs is there
                    return new GraphqlAnswer(answer.get("data"), response);
                }
                throw new MarketplaceException(classified, operation + " answered errors: "
                        + (code.isEmpty() ? "" : code + " ") + message, response.status(), response.body(),
                        response.requestId().orElse(null), null, null);
            }
            if (!answer.path("data").isObject()) {
                throw response.malformed("an answer without data", null);
            }
            return new GraphqlAnswer(answer.get("data"), response);
        }
    }

    /** Downloads a bulk operation's JSONL from its signed URL (no access token: the URL is not the shop's host). */
    public MarketplaceResponse download(ShopifyAccount account, String url) {
        calls.incrementAndGet();
        return http.call(MarketplaceRequest.get("bulkDownload", account.rateKey() + "/bulk", URI.create(url)).build());
    }

    /** Waits (a bulk operation's poll interval) with the injected sleeper. */
    public void pause(Duration duration) {
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketplaceException(ErrorCode.TIMEOUT, "interrupted while waiting");
        }
    }

    private void pace(ShopifyAccount account, int cost) {
        Duration wait = pacer.waitBefore(account.rateKey(), cost, clock.instant());
        if (wait.isZero()) {
            return;
        }
        pacedMillis.addAndGet(wait.toMillis());
        try {
            sleeper.sleep(wait);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketplaceException(ErrorCode.TIMEOUT, "interrupted while pacing on the query cost");
        }
    }

    private static CostPacer.ThrottleStatus throttleStatus(JsonNode answer) {
        JsonNode s = answer.path("extensions").path("cost").path("throttleStatus");
        if (!s.isObject()) {
            return null;
        }
        return new CostPacer.ThrottleStatus(s.path("maximumAvailable").asDouble(), s.path("currentlyAvailable")
                .asDouble(), s.path("restoreRate").asDouble());
    }

    /**
     * Calls sent (including repeats after THROTTLED and bulk downloads), THROTTLED answers, ms spent pacing, and the
     * sum of the actual query costs Shopify reported.
     */
    public Stats stats() {
        return new Stats(calls.get(), throttled.get(), pacedMillis.get(), actualCost.get());
    }

    public record Stats(long calls, long throttled, long pacedMillis, long actualCost) {
    }

    @PreDestroy
    void close() {
        http.close();
    }
}
