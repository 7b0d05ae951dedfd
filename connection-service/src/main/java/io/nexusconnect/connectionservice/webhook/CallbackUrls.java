package io.nexusconnect.connectionservice.webhook;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A callback address fit to store and show: a path token after {@code /api/webhooks/<marketplace>/<connectionId>} and
 * any query are masked. Adapters already mask them; this keeps a slip of one adapter out of the database and the API.
 */
public final class CallbackUrls {
    private static final String MASK = "****";
    private static final Pattern OURS = Pattern.compile("^(.*?/api/webhooks/[^/?#]+/[^/?#]+)(/[^?#]+)?([?#].*)?$");

    private CallbackUrls() {
    }

    public static String masked(String url) {
        if (url == null) {
            return null;
        }
        Matcher ours = OURS.matcher(url);
        if (ours.matches()) {
            return ours.group(1) + (ours.group(2) == null || ours.group(2).equals("/") ? "" : "/" + MASK)
                    + (ours.group(3) == null ? "" : "?" + MASK);
        }
        int query = url.indexOf('?');
        return query < 0 ? url : url.substring(0, query) + "?" + MASK;
    }
}
