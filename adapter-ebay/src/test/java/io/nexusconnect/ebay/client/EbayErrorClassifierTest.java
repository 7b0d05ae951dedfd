package io.nexusconnect.ebay.client;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.sync.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** eBay's documented error answers (BEHAVIOR.md) in the five diagnostics, or INTERNAL with eBay's own words. */
class EbayErrorClassifierTest {
    private static final Instant NOW = Instant.parse("2026-03-02T10:00:00Z"); // 02:00 in Los Angeles (PST)
    private final EbayErrorClassifier classifier = new EbayErrorClassifier(Clock.fixed(NOW, ZoneOffset.UTC),
            ZoneId.of("America/Los_Angeles"));

    private static MarketplaceResponse answer(int status, String body, Map<String, List<String>> headers,
                                              Duration retryAfter) {
        return new MarketplaceResponse("getOrders", status, headers, body, "X-EBAY-C-REQUEST-ID", retryAfter, 1);
    }

    private static String error(long id, String domain, String message) {
        return "{\"errors\":[{\"errorId\":" + id + ",\"domain\":\"" + domain + "\",\"category\":\"REQUEST\","
                + "\"message\":\"" + message + "\"}]}";
    }

    private MarketplaceException classify(int status, String body) {
        return classifier.toException("getOrders", answer(status, body, Map.of("X-EBAY-C-REQUEST-ID", List.of("r-1")),
                null));
    }

    @Test
    @DisplayName("Given the common REST errors, when classified, then 401/1001 is TOKEN_EXPIRED, 403/1100 SCOPE_MISSING, 5xx MARKETPLACE_UNAVAILABLE")
    void commonErrors() {
        assertThat(classify(401, error(1001, "OAuth", "Invalid access token")).code()).isEqualTo(ErrorCode.TOKEN_EXPIRED);
        assertThat(classify(403, error(1100, "ACCESS", "Access denied")).code()).isEqualTo(ErrorCode.SCOPE_MISSING);
        assertThat(classify(500, error(30500, "API_FULFILLMENT", "System error")).code())
                .isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
        assertThat(classify(503, "<html>busy</html>").code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
        assertThat(classify(403, error(1100, "ACCESS", "The account is suspended")).code())
                .isEqualTo(ErrorCode.ACCOUNT_SUSPENDED);
    }

    @Test
    @DisplayName("Given a used-up daily quota without Retry-After, when classified, then RATE_LIMITED waits until midnight Pacific time")
    void dailyQuota() {
        MarketplaceException e = classify(429, error(2001, "ACCESS", "Too many requests"));

        assertThat(e.code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(e.retryAfter()).contains(Duration.between(NOW, Instant.parse("2026-03-03T08:00:00Z")));
        assertThat(e.getMessage()).contains("2026-03-03T08:00:00Z");
        MarketplaceException withHeader = classifier.toException("getOrders",
                answer(429, error(2001, "ACCESS", "Too many requests"), Map.of(), Duration.ofSeconds(7)));
        assertThat(withHeader.retryAfter()).contains(Duration.ofSeconds(7));
    }

    @Test
    @DisplayName("Given a 400 about our request, when classified, then it is INTERNAL with eBay's errorId, message and the request id")
    void ourMistake() {
        MarketplaceException e = classify(400, error(30850, "API_FULFILLMENT", "Start and end dates can't be in the future"));

        assertThat(e.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(e.getMessage()).contains("30850").contains("in the future");
        assertThat(e.requestId()).isEqualTo("r-1");
    }
}
