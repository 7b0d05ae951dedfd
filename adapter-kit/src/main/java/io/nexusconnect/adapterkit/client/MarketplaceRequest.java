package io.nexusconnect.adapterkit.client;

import java.net.URI;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * One marketplace call: the operation (names its token bucket), the account whose usage plan it counts against,
 * and the HTTP parts. The URL comes from the adapter's configuration, never from a connection.
 *
 * @param sensitiveHeaders headers that carry secrets; kept out of {@link #toString()}
 * @param signer           signs every attempt (Kaufland, Walmart legacy); {@link RequestSigner#NONE} for bearer APIs
 */
public record MarketplaceRequest(String operation, String accountKey, String method, URI url,
                                 List<Map.Entry<String, String>> query, Map<String, String> headers,
                                 String body, List<String> sensitiveHeaders, RequestSigner signer) {

    public MarketplaceRequest {
        signer = signer == null ? RequestSigner.NONE : signer;
    }

    public static Builder get(String operation, String accountKey, URI url) {
        return new Builder(operation, accountKey, "GET", url);
    }

    public static Builder method(String method, String operation, String accountKey, URI url) {
        return new Builder(operation, accountKey, method, url);
    }

    /** The absolute URL as sent: the configured URL (which may carry a query of its own) plus the encoded query. */
    public String fullUrl() {
        return QueryStrings.append(url.toString(), query);
    }

    /** The body bytes as sent (UTF-8); empty when there is none. */
    public byte[] bodyBytes() {
        return body == null ? new byte[0] : body.getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }

    public String host() {
        return url.getHost() + (url.getPort() > 0 ? ":" + url.getPort() : "");
    }

    @Override
    public String toString() {
        return method + " " + url + " (" + operation + ")";
    }

    public static final class Builder {
        private final String operation;
        private final String accountKey;
        private final String method;
        private final URI url;
        private final List<Map.Entry<String, String>> query = new ArrayList<>();
        private final Map<String, String> headers = new LinkedHashMap<>();
        private final List<String> sensitive = new ArrayList<>();
        private String body;
        private RequestSigner signer = RequestSigner.NONE;

        private Builder(String operation, String accountKey, String method, URI url) {
            this.operation = operation;
            this.accountKey = accountKey;
            this.method = method;
            this.url = url;
        }

        public Builder query(String name, String value) {
            if (value != null) {
                query.add(Map.entry(name, value));
            }
            return this;
        }

        public Builder header(String name, String value) {
            headers.put(name, value);
            return this;
        }

        public Builder secretHeader(String name, String value) {
            sensitive.add(name);
            return header(name, value);
        }

        public Builder body(String contentType, String body) {
            headers.put("Content-Type", contentType);
            this.body = body;
            return this;
        }

        /** Signs each attempt right before it is sent; see {@link RequestSigner}. */
        public Builder signer(RequestSigner value) {
            this.signer = value;
            return this;
        }

        /** Every parameter of a query string or URL (e.g. Walmart's {@code nextCursor}, eBay's {@code next} link). */
        public Builder queryString(String queryOrUrl) {
            QueryStrings.parse(queryOrUrl).forEach(param -> query(param.getKey(), param.getValue()));
            return this;
        }

        public MarketplaceRequest build() {
            return new MarketplaceRequest(operation, accountKey, method, url, List.copyOf(query), Map.copyOf(headers),
                    body, List.copyOf(sensitive), signer);
        }
    }
}
