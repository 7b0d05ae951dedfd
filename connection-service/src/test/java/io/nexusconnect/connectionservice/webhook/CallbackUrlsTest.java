package io.nexusconnect.connectionservice.webhook;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import static org.assertj.core.api.Assertions.assertThat;

class CallbackUrlsTest {
    private static final String BASE = "https://hooks.example.com/api/webhooks/bol/6f1c2b8e-2a4b-4f0e-9c1d-2b3a4c5d6e7f";

    @Test
    @DisplayName("A path token after the connection id and any query are masked; the signed address stays as it is")
    void masksTokens() {
        assertThat(CallbackUrls.masked(BASE)).isEqualTo(BASE);
        assertThat(CallbackUrls.masked(BASE + "/Zm9vYmFyYmF6cXV4MTIzNDU2Nzg5MGFiY2RlZmdoaWo")).isEqualTo(BASE + "/****");
        assertThat(CallbackUrls.masked(BASE + "?token=abc")).isEqualTo(BASE + "?****");
        assertThat(CallbackUrls.masked("https://elsewhere.example.com/hook?secret=s")).isEqualTo("https://elsewhere.example.com/hook?****");
    }
}
