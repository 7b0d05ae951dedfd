package io.nexusconnect.sims.amazon.auth;

/** The verdict on an {@code x-amz-access-token} header. */
public sealed interface TokenCheck {
    record Valid(IssuedToken token) implements TokenCheck {
    }

    record Missing() implements TokenCheck {
    }

    /** Never issued here, or garbled. */
    record Invalid() implements TokenCheck {
    }

    record Expired() implements TokenCheck {
    }
}
