package io.nexusconnect.adapterkit.client;

import java.net.URLDecoder;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Query strings written and read one way, so the URL a signer signs is the URL sent: parameter names and values are
 * percent-encoded as RFC 3986 asks (unreserved characters stay, a space is {@code %20}), {@code =} and {@code &} only
 * separate. Reading is tolerant: it accepts {@code +} for a space and a leading {@code ?} (Walmart's
 * {@code nextCursor} is a whole query string).
 */
public final class QueryStrings {
    private static final char[] HEX = "0123456789ABCDEF".toCharArray();

    private QueryStrings() {
    }

    /** {@code base} with the parameters appended (after its own query string, if it has one). */
    public static String append(String base, List<Map.Entry<String, String>> params) {
        if (params.isEmpty()) {
            return base;
        }
        StringBuilder url = new StringBuilder(base);
        char separator = base.indexOf('?') < 0 ? '?' : (base.endsWith("?") || base.endsWith("&") ? 0 : '&');
        for (Map.Entry<String, String> param : params) {
            if (separator != 0) {
                url.append(separator);
            }
            url.append(encode(param.getKey())).append('=').append(encode(param.getValue()));
            separator = '&';
        }
        return url.toString();
    }

    public static String encode(String value) {
        byte[] bytes = value.getBytes(StandardCharsets.UTF_8);
        StringBuilder out = new StringBuilder(bytes.length + 8);
        for (byte b : bytes) {
            int c = b & 0xFF;
            if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9')
                    || c == '-' || c == '.' || c == '_' || c == '~') {
                out.append((char) c);
            } else {
                out.append('%').append(HEX[c >> 4]).append(HEX[c & 0xF]);
            }
        }
        return out.toString();
    }

    /**
     * A value for a path segment (or a query the adapter writes into a path itself) as {@link java.net.URLEncoder}
     * form-encodes it, but with {@code %20} for a space: unlike {@link #encode}, {@code *} stays and {@code ~} is
     * {@code %7E}, which is what Walmart, bol and Zalando have been sent.
     */
    public static String pathSegment(String value) {
        return java.net.URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
    }

    /** The parameters of a query string or of a URL's query, in order, decoded; repeated names stay repeated. */
    public static List<Map.Entry<String, String>> parse(String queryOrUrl) {
        List<Map.Entry<String, String>> params = new ArrayList<>();
        if (queryOrUrl == null || queryOrUrl.isBlank()) {
            return params;
        }
        String query = queryOrUrl;
        int mark = query.indexOf('?');
        if (mark >= 0) {
            query = query.substring(mark + 1);
        }
        int fragment = query.indexOf('#');
        if (fragment >= 0) {
            query = query.substring(0, fragment);
        }
        for (String pair : query.split("&")) {
            if (pair.isEmpty()) {
                continue;
            }
            int eq = pair.indexOf('=');
            String name = eq < 0 ? pair : pair.substring(0, eq);
            String value = eq < 0 ? "" : pair.substring(eq + 1);
            params.add(Map.entry(decode(name), decode(value)));
        }
        return params;
    }

    private static String decode(String text) {
        try {
            return URLDecoder.decode(text, StandardCharsets.UTF_8);
        } catch (IllegalArgumentException malformedEscape) {
            // a stray '%' in a marketplace's cursor: keep the text as it came
            return text;
        }
    }
}
