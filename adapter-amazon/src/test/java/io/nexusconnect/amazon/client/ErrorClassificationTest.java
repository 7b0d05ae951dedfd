package io.nexusconnect.amazon.client;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.adapterkit.auth.oauth2.OAuth2ErrorClassifier;
import io.nexusconnect.contracts.sync.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class ErrorClassificationTest {
    private static MarketplaceResponse answer(int status, String body) {
        return new MarketplaceResponse("getOrders", status, Map.of(), body, null, null, 1);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "403|{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"Access to requested resource is denied.\",\"details\":\"The access token you provided has expired.\"}]}|TOKEN_EXPIRED",
            "403|{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"Access to requested resource is denied.\",\"details\":\"The access token you provided is revoked, malformed or invalid.\"}]}|TOKEN_EXPIRED",
            "403|{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"Access to requested resource is denied.\",\"details\":\"\"}]}|SCOPE_MISSING",
            "403|{\"errors\":[{\"code\":\"Unauthorized\",\"message\":\"The seller account is suspended.\"}]}|ACCOUNT_SUSPENDED",
            "429|{\"errors\":[{\"code\":\"QuotaExceeded\",\"message\":\"You exceeded your quota for the requested resource.\"}]}|RATE_LIMITED",
            "503|<html>Service Unavailable</html>|MARKETPLACE_UNAVAILABLE",
            "400|{\"errors\":[{\"code\":\"InvalidInput\",\"message\":\"Invalid Input\"}]}|INTERNAL"})
    @DisplayName("SP-API answers are classified by status, error code and message")
    void spApi(int status, String body, ErrorCode expected) {
        assertThat(new SpApiErrorClassifier().classify("getOrders", answer(status, body)).code()).isEqualTo(expected);
    }

    @ParameterizedTest(name = "{0} {1} → {2}")
    @CsvSource(delimiter = '|', value = {
            "400|{\"error\":\"invalid_grant\",\"error_description\":\"The request has an invalid grant parameter : refresh_token\"}|TOKEN_EXPIRED",
            "401|{\"error\":\"invalid_client\",\"error_description\":\"Client authentication failed\"}|INVALID_CREDENTIALS",
            "400|{\"error\":\"unauthorized_client\",\"error_description\":\"Not authorized for requested operation\"}|INVALID_CREDENTIALS",
            "503|oops|MARKETPLACE_UNAVAILABLE",
            "429|{}|RATE_LIMITED"})
    @DisplayName("Login with Amazon answers are classified by the kit's OAuth2 rules; a revoked refresh token (invalid_grant) needs a reconnect")
    void lwa(int status, String body, ErrorCode expected) {
        assertThat(new OAuth2ErrorClassifier("Login with Amazon").classify("lwaToken", answer(status, body)).code())
                .isEqualTo(expected);
    }
}
