package io.nexusconnect.adapterkit.auth.oauth2;

/**
 * A connection as a token-authorized API sees it: the key its calls count against (token buckets, circuit breaker)
 * and its tokens are cached under — the credential fingerprint, so both change when the credentials do — and the
 * grant its tokens are asked for with.
 */
public interface TokenAccount {
    String rateKey();

    OAuth2Grant grant();
}
