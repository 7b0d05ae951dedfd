package io.nexusconnect.adapterkit.errors;

import io.nexusconnect.adapterkit.client.MarketplaceResponse;
import io.nexusconnect.contracts.sync.ErrorCode;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class HttpErrorClassifierTest {
    private static final HttpErrorClassifier PROBLEMS = HttpErrorClassifier.reading(ErrorBody.fields("title", "detail"))
            .accountSuspendedWhen((status, error) -> status == 403 && error.messageMentions("not active", "suspend"));

    private static MarketplaceResponse answer(int status, String body) {
        return new MarketplaceResponse("getOrders", status, Map.of(), body, null, null, 1);
    }

    @ParameterizedTest(name = "HTTP {0} {1} is {2}")
    @CsvSource(delimiter = '|', value = {
            "429 | {\"title\":\"Too Many Requests\",\"detail\":\"account suspended\"} | RATE_LIMITED",
            "503 | {\"title\":\"Unavailable\",\"detail\":\"\"}                          | MARKETPLACE_UNAVAILABLE",
            "403 | {\"title\":\"Forbidden\",\"detail\":\"Your account is not active.\"}  | ACCOUNT_SUSPENDED",
            "401 | {\"title\":\"Unauthorized\",\"detail\":\"Account SUSPENDED\"}         | TOKEN_EXPIRED",
            "403 | {\"title\":\"Forbidden\",\"detail\":\"no access to offers\"}         | SCOPE_MISSING",
            "400 | {\"title\":\"Bad Request\",\"detail\":\"page must be positive\"}     | INTERNAL",
            "404 | <html>not found</html>                                             | INTERNAL"})
    @DisplayName("Status decides first, then the adapter's suspension rule, then 401 / 403 / the rest")
    void classifies(int status, String body, ErrorCode expected) {
        // given an answer; when it is classified; then it carries the expected code
        assertThat(PROBLEMS.classify("getOrders", answer(status, body)).code()).isEqualTo(expected);
    }

    @Test
    @DisplayName("The message names operation, status and what the body said; a body that says nothing adds nothing")
    void message() {
        // given a problem body and one that is not JSON
        String problem = "{\"title\":\"Bad Request\",\"detail\":\"page must be positive\",\"status\":400}";

        // when both are classified
        String withBody = PROBLEMS.classify("getOrders", answer(400, problem)).message();
        String withoutBody = PROBLEMS.classify("getOrders", answer(400, "oops")).message();

        // then the first quotes title and detail, the second only the status
        assertThat(withBody).isEqualTo("getOrders answered HTTP 400 (Bad Request: page must be positive)");
        assertThat(withoutBody).isEqualTo("getOrders answered HTTP 400");
    }

    @Test
    @DisplayName("A shape of the adapter's own reads nested errors, and a body of another shape leaves the fields empty")
    void shapes() {
        // given Walmart's nested error list as the shape
        ErrorBody.Shape firstError = json -> new ErrorBody(json.path("errors").path("error").path(0).path("code")
                .asText(""), json.path("errors").path("error").path(0).path("description").asText(""));

        // when bodies of that shape, another shape, an empty one and no JSON are read
        ErrorBody nested = ErrorBody.read("{\"errors\":{\"error\":[{\"code\":\"CONTENT_NOT_FOUND.GMP_ORDER_API\","
                + "\"description\":\"No orders\"}]}}", firstError);

        // then the first gives code and description, the others nothing
        assertThat(nested).isEqualTo(new ErrorBody("CONTENT_NOT_FOUND.GMP_ORDER_API", "No orders"));
        assertThat(ErrorBody.read("[1,2]", firstError)).isEqualTo(ErrorBody.NONE);
        assertThat(ErrorBody.read("", firstError)).isEqualTo(ErrorBody.NONE);
        assertThat(ErrorBody.read("not json", firstError)).isEqualTo(ErrorBody.NONE);
        assertThat(nested.mentions("gmp_order")).isTrue();
        assertThat(nested.messageMentions("gmp_order")).isFalse();
    }

    @Test
    @DisplayName("By status alone: 401 token expired, 403 scope missing, 429 throttled, 5xx down, whatever the body")
    void byStatus() {
        // given the status-only classifier; when answers are classified; then the body plays no part
        ErrorClassifier byStatus = ErrorClassifier.byStatus();
        assertThat(byStatus.classify("op", answer(401, "{\"title\":\"suspended\"}")).code())
                .isEqualTo(ErrorCode.TOKEN_EXPIRED);
        assertThat(byStatus.classify("op", answer(403, "")).code()).isEqualTo(ErrorCode.SCOPE_MISSING);
        assertThat(byStatus.classify("op", answer(429, "")).code()).isEqualTo(ErrorCode.RATE_LIMITED);
        assertThat(byStatus.classify("op", answer(502, "")).code()).isEqualTo(ErrorCode.MARKETPLACE_UNAVAILABLE);
        assertThat(byStatus.classify("op", answer(409, "{\"title\":\"x\",\"detail\":\"y\"}")).message())
                .isEqualTo("op answered HTTP 409");
    }
}
