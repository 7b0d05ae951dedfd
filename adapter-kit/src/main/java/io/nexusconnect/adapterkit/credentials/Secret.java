package io.nexusconnect.adapterkit.credentials;

import io.nexusconnect.contracts.security.Masking;

import java.util.Objects;

/** A credential value in clear text, held only in memory. {@link #toString()} masks it; {@link #reveal()} is explicit. */
public final class Secret {
    private final String value;

    public Secret(String value) {
        this.value = Objects.requireNonNull(value);
    }

    public String reveal() {
        return value;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof Secret secret && secret.value.equals(value);
    }

    @Override
    public int hashCode() {
        return value.hashCode();
    }

    @Override
    public String toString() {
        return Masking.mask(value);
    }
}
