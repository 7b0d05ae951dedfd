package io.nexusconnect.contracts.sync;

import com.fasterxml.jackson.annotation.JsonCreator;
import com.fasterxml.jackson.annotation.JsonValue;

import java.util.Locale;

/**
 * The classified reasons a cycle or a connection test fails, with the title, cause and resolution the error
 * diagnostics table of the product page shows. {@code retryable} errors are retried with backoff by the orchestrator;
 * the others need the seller to act.
 */
public enum ErrorCode {
    TOKEN_EXPIRED("Token expired", "OAuth access token has expired", "Click Reconnect to re-run the OAuth flow", false),
    INVALID_CREDENTIALS("Invalid credentials", "API key or secret is incorrect", "Click Edit Credentials and re-enter", false),
    MARKETPLACE_UNAVAILABLE("Marketplace unavailable", "Marketplace API is down", "Wait; the adapter retries automatically", true),
    ACCOUNT_SUSPENDED("Account suspended", "Seller account is suspended on the marketplace",
            "Resolve suspension in the marketplace seller portal", false),
    SCOPE_MISSING("Scope missing", "The OAuth app lacks required permissions", "Re-authorize with the correct scope set", false),
    RATE_LIMITED("Rate limited", "The marketplace temporarily throttled requests", "Wait; the adapter backs off automatically", true),
    MALFORMED_RESPONSE("Malformed response", "The marketplace answered with a body that could not be read",
            "Wait; the adapter retries automatically. The raw response is in the sync history", true),
    TIMEOUT("Timed out", "The adapter did not finish the cycle in time", "Wait; the cycle is retried automatically", true),
    INTERNAL("Internal error", "nexus-connect failed while processing the cycle", "Wait; the cycle is retried automatically", true);

    private final String title;
    private final String cause;
    private final String resolution;
    private final boolean retryable;

    ErrorCode(String title, String cause, String resolution, boolean retryable) {
        this.title = title;
        this.cause = cause;
        this.resolution = resolution;
        this.retryable = retryable;
    }

    public String title() {
        return title;
    }

    public String cause() {
        return cause;
    }

    public String resolution() {
        return resolution;
    }

    public boolean retryable() {
        return retryable;
    }

    @JsonValue
    public String json() {
        return name().toLowerCase(Locale.ROOT);
    }

    @JsonCreator
    public static ErrorCode of(String value) {
        return valueOf(value.toUpperCase(Locale.ROOT));
    }
}
