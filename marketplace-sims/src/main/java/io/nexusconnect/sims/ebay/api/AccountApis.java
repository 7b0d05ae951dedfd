package io.nexusconnect.sims.ebay.api;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;
import io.nexusconnect.sims.common.http.SimResponse;
import io.nexusconnect.sims.ebay.EbayApi;
import io.nexusconnect.sims.ebay.http.EbayCall;
import io.nexusconnect.sims.ebay.quota.DailyQuota;

import java.time.Duration;
import java.time.Instant;

/**
 * Identity API {@code getUser} (the seller's name for Test Connection) and Analytics {@code getUserRateLimits} (the
 * daily quotas, remaining calls and reset time, as commerce_identity_v1 / developer_analytics_v1_beta define them).
 */
public final class AccountApis {
    private final String userId;
    private final String username;
    private final String businessName;
    private final DailyQuota quota;
    private final String clientId;

    public AccountApis(String userId, String username, String businessName, DailyQuota quota, String clientId) {
        this.userId = userId;
        this.username = username;
        this.businessName = businessName;
        this.quota = quota;
        this.clientId = clientId;
    }

    public SimResponse getUser(EbayCall call) {
        ObjectNode body = Json.object().put("userId", userId).put("username", username)
                .put("accountType", "BUSINESS").put("registrationMarketplaceId", "EBAY_US").put("status", "CONFIRMED");
        body.putObject("businessAccount").put("name", businessName);
        return SimResponse.json(200, body);
    }

    public SimResponse getUserRateLimits(EbayCall call) {
        ObjectNode body = Json.object();
        ArrayNode limits = body.putArray("rateLimits");
        Instant reset = quota.reset();
        for (EbayApi api : EbayApi.values()) {
            String[] name = api.quotaName().split("\\.");
            ObjectNode limit = limits.addObject().put("apiContext", name[0]).put("apiName", name[1])
                    .put("apiVersion", "v1");
            limit.putArray("resources").addObject().put("name", api.quotaName()).putArray("rates").addObject()
                    .put("limit", quota.limit(api)).put("remaining", quota.remaining(api, clientId))
                    .put("reset", EbayJson.time(reset)).put("timeWindow", Duration.ofDays(1).toSeconds());
        }
        return SimResponse.json(200, body);
    }
}
