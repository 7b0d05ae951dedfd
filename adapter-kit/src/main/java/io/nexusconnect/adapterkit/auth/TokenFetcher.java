package io.nexusconnect.adapterkit.auth;

/** Gets a fresh token from the marketplace's authorization server (e.g. LWA's refresh_token grant). */
@FunctionalInterface
public interface TokenFetcher {
    AccessToken fetch();
}
