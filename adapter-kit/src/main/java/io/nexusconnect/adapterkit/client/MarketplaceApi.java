package io.nexusconnect.adapterkit.client;

import java.net.URI;
import java.util.Optional;

/**
 * One configured marketplace API: its name (the config group and the metrics tag), its base URL when it has one, and
 * the ready client with the documented limits, retries, timeouts and the adapter's error classifier.
 */
public record MarketplaceApi(String marketplace, String name, Optional<URI> baseUrl, MarketplaceHttpClient http)
        implements AutoCloseable {

    /** {@code path} on the configured base URL; fails when the API has none (its host is per region). */
    public URI url(String path) {
        URI base = baseUrl.orElseThrow(() -> new IllegalStateException("nexus.apis." + name + ".base-url is not set"));
        return join(base, path);
    }

    public static URI join(URI base, String path) {
        String text = base.toString();
        String left = text.endsWith("/") ? text.substring(0, text.length() - 1) : text;
        return URI.create(left + (path.startsWith("/") ? path : "/" + path));
    }

    @Override
    public void close() {
        http.close();
    }
}
