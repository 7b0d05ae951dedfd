package io.nexusconnect.kaufland.client;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.contracts.sync.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class KauflandErrorClassifierTest {
    private final KauflandErrorClassifier classifier = new KauflandErrorClassifier();

    private static MarketplaceResponse answer(int status, String body) {
        return new MarketplaceResponse("getUnits", status, Map.of(), body, null, null, 1);
    }

    @Test
    @DisplayName("Given a refused Shop-Timestamp, when classified, then it is retried as this host's clock problem with the explanation")
    void clockSkewIsExplained() {
        var classification = classifier.classify("getUnits", answer(401, """
                {"type":"/problems/missing-or-invalid-request-header","message":"Request timestamp is outside the accepted window",
                 "errors":[{"field":"Shop-Timestamp","message":"timestamp too old or in the future"}]}"""));

        assertThat(classification.code()).isEqualTo(ErrorCode.INTERNAL);
        assertThat(classification.message()).startsWith(KauflandErrorClassifier.CLOCK_SKEW_EXPLANATION);
    }

    @Test
    @DisplayName("Given a corrupted signature or unknown key, when classified, then the credentials are invalid")
    void badKeysAreInvalidCredentials() {
        assertThat(classifier.classify("getUnits", answer(401,
                "{\"type\":\"/problems/corrupted-signature\",\"message\":\"signature mismatch\",\"errors\":[]}")).code())
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
        assertThat(classifier.classify("getUnits", answer(401,
                "{\"type\":\"/problems/invalid-credentials\",\"message\":\"Invalid client key\",\"errors\":[]}")).code())
                .isEqualTo(ErrorCode.INVALID_CREDENTIALS);
    }

    @Test
    @DisplayName("Given 429, 503, an inactive account and a plain 400, when classified, then throttling, outage, suspension and our own fault")
    void theOtherAnswers() {
        assertThat(classifier.classify("getUnits", answer(429, "{\"message\":\"Too Many Requests\"}")).code())
                .isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(classifier.classify("getUnits", answer(503, "not json")).code())
                .isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
        assertThat(classifier.classify("getUnits", answer(403,
                "{\"type\":\"/problems/inactive-account\",\"message\":\"inactive\"}")).code())
                .isEqualTo(ErrorCode.ACCOUNT_SUSPENDED);
        assertThat(classifier.classify("getUnits", answer(400,
                "{\"type\":\"/problems/validation-error\",\"message\":\"bad\"}")).code()).isEqualTo(ErrorCode.INTERNAL);
    }
}
