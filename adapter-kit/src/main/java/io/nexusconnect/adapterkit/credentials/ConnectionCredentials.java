package io.nexusconnect.adapterkit.credentials;

import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.UUID;
import java.util.stream.Collectors;

/** The opened secret fields of one connection. Printing it shows field names and masked values only. */
public final class ConnectionCredentials {
    private final UUID connectionId;
    private final Map<String, Secret> secrets;

    public ConnectionCredentials(UUID connectionId, Map<String, String> clearText) {
        this.connectionId = connectionId;
        this.secrets = clearText.entrySet().stream()
                .filter(e -> e.getValue() != null)
                .collect(Collectors.toUnmodifiableMap(Map.Entry::getKey, e -> new Secret(e.getValue())));
    }

    public Optional<Secret> find(String field) {
        return Optional.ofNullable(secrets.get(field));
    }

    /** A field the marketplace needs; its absence is the seller's to fix, so it is INVALID_CREDENTIALS. */
    public Secret require(String field) {
        Secret secret = secrets.get(field);
        if (secret == null || secret.reveal().isBlank()) {
            throw new MarketplaceException(ErrorCode.INVALID_CREDENTIALS,
                    "credential field '" + field + "' is missing for connection " + connectionId);
        }
        return secret;
    }

    /**
     * A stable, non-reversible identity of these credentials (SHA-256 over the fields), for keying token caches: a
     * rotated credential gets a new key, and the key reveals nothing.
     */
    public String fingerprint() {
        try {
            MessageDigest digest = MessageDigest.getInstance("SHA-256");
            digest.update(connectionId.toString().getBytes(StandardCharsets.UTF_8));
            new TreeMap<>(secrets).forEach((name, secret) -> {
                digest.update((byte) 0);
                digest.update(name.getBytes(StandardCharsets.UTF_8));
                digest.update((byte) 0);
                digest.update(secret.reveal().getBytes(StandardCharsets.UTF_8));
            });
            return connectionId + ":" + HexFormat.of().formatHex(digest.digest(), 0, 12);
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException(e);
        }
    }

    public UUID connectionId() {
        return connectionId;
    }

    @Override
    public String toString() {
        return "ConnectionCredentials[" + connectionId + ", " + new TreeMap<>(secrets) + "]";
    }
}
