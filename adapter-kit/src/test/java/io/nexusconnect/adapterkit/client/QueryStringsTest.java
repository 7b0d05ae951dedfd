package io.nexusconnect.adapterkit.client;

import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class QueryStringsTest {

    @Test
    @DisplayName("Parameters are appended RFC 3986-encoded, after a query the URL already has")
    void append() {
        assertThat(QueryStrings.append("https://h/v2/units", List.of(Map.entry("q", "a b+c"), Map.entry("ids", "A,B"))))
                .isEqualTo("https://h/v2/units?q=a%20b%2Bc&ids=A%2CB");
        assertThat(QueryStrings.append("https://h/v3/orders?limit=10", List.of(Map.entry("x", "~ok-._"))))
                .isEqualTo("https://h/v3/orders?limit=10&x=~ok-._");
        assertThat(QueryStrings.append("https://h/p", List.of())).isEqualTo("https://h/p");
    }

    @Test
    @DisplayName("A query string or next link is read back into its parameters, tolerating + for space and stray percent signs")
    void parse() {
        assertThat(QueryStrings.parse("?limit=100&hasMoreElements=true&soIndex=2"))
                .containsExactly(Map.entry("limit", "100"), Map.entry("hasMoreElements", "true"), Map.entry("soIndex", "2"));
        assertThat(QueryStrings.parse("https://api.ebay.com/sell/fulfillment/v1/order?filter=a+b&offset=50#frag"))
                .containsExactly(Map.entry("filter", "a b"), Map.entry("offset", "50"));
        assertThat(QueryStrings.parse("x=100%&flag")).containsExactly(Map.entry("x", "100%"), Map.entry("flag", ""));
    }
}
