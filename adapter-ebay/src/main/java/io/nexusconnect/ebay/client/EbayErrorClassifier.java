package io.nexusconnect.ebay.client;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.errors.ErrorClassifier;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Locale;

/**
 * eBay's REST error answers ({@code {"errors":[{errorId, domain, category, message, longMessage}]}}) in the terms of
 * the error diagnostics table (sources in BEHAVIOR.md): 401 (errorId 1001 "Invalid access token") is TOKEN_EXPIRED —
 * the kit refreshes once and only reports it when the fresh token is refused too; 403 (1100 "Access denied") is
 * SCOPE_MISSING unless eBay speaks of a suspended or restricted account; 429 (2001) is RATE_LIMITED with the time the
 * daily quota renews (midnight in the configured zone) unless eBay sent Retry-After; 5xx is MARKETPLACE_UNAVAILABLE;
 * any other 4xx is our request's fault: INTERNAL, with eBay's errorId, message and the request id.
 */
public final class EbayErrorClassifier implements ErrorClassifier {
    private final Clock clock;
    private final ZoneId quotaZone;

    public EbayErrorClassifier(Clock clock, ZoneId quotaZone) {
        this.clock = clock;
        this.quotaZone = quotaZone;
    }

    @Override
    public Classification classify(String operation, MarketplaceResponse response) {
        int status = response.status();
        EbayError error = EbayError.first(response.body());
        String detail = operation + " answered HTTP " + status + error.describe();
        if (status == 429 || error.errorId() == 2001) {
            return new Classification(ErrorCode.RATE_LIMITED, operation + ": eBay's call limit is used up"
                    + (response.retryAfter().isPresent() ? "" : "; the daily quota renews at " + quotaReset())
                    + error.describe());
        }
        if (status >= 500) {
            return new Classification(ErrorCode.MARKETPLACE_UNAVAILABLE, detail);
        }
        String text = error.text().toLowerCase(Locale.ROOT);
        if (text.contains("suspend") || text.contains("restricted") || text.contains("account is on hold")) {
            return new Classification(ErrorCode.ACCOUNT_SUSPENDED, detail);
        }
        if (status == 401) {
            return new Classification(ErrorCode.TOKEN_EXPIRED, detail);
        }
        if (status == 403) {
            return new Classification(ErrorCode.SCOPE_MISSING, detail);
        }
        return new Classification(ErrorCode.INTERNAL, detail);
    }

    /** A daily-quota 429 without Retry-After waits until the quota renews, so the cycle reports that time. */
    @Override
    public MarketplaceException toException(String operation, MarketplaceResponse response) {
        Classification classification = classify(operation, response);
        Duration retryAfter = response.retryAfter().orElse(null);
        if (classification.code() == ErrorCode.RATE_LIMITED && retryAfter == null) {
            retryAfter = Duration.between(clock.instant(), quotaReset());
        }
        return new MarketplaceException(classification.code(), classification.message(), response.status(),
                response.body(), response.requestId().orElse(null), retryAfter, null);
    }

    /** The next midnight in the quota's zone. */
    Instant quotaReset() {
        return LocalDate.ofInstant(clock.instant(), quotaZone).plusDays(1).atStartOfDay(quotaZone).toInstant();
    }

    /** The first error of an answer, read tolerantly: a body that is not eBay's shape leaves the fields empty. */
    record EbayError(long errorId, String domain, String message, String longMessage) {
        static EbayError first(String body) {
            try {
                JsonNode first = Json.mapper().readTree(body).path("errors").path(0);
                return new EbayError(first.path("errorId").asLong(0), first.path("domain").asText(""),
                        first.path("message").asText(""), first.path("longMessage").asText(""));
            } catch (Exception notJson) {
                return new EbayError(0, "", "", "");
            }
        }

        String text() {
            return message + " " + longMessage;
        }

        String describe() {
            if (errorId == 0 && message.isEmpty()) {
                return "";
            }
            return " (errorId " + errorId + (domain.isEmpty() ? "" : " " + domain) + ": "
                    + (longMessage.isEmpty() ? message : longMessage) + ")";
        }
    }
}
