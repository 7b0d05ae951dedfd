package io.nexusconnect.contracts.security;

import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import java.util.Base64;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * The AES-256 keys that can open sealed credentials, by id, and the one that seals new ones. Rotation: add a key,
 * make it primary, re-seal; old keys stay until nothing sealed with them is left.
 *
 * <p>Configuration form (a Kubernetes Secret or a property): {@code k1:BASE64KEY,k2:BASE64KEY} with the primary id
 * given separately.
 */
public final class KeyRing {
    private final Map<String, SecretKey> keys;
    private final String primaryKeyId;

    public KeyRing(Map<String, SecretKey> keys, String primaryKeyId) {
        if (!keys.containsKey(primaryKeyId)) {
            throw new IllegalArgumentException("primary key id '" + primaryKeyId + "' is not in the key ring " + keys.keySet());
        }
        this.keys = Map.copyOf(keys);
        this.primaryKeyId = primaryKeyId;
    }

    public static KeyRing parse(String spec, String primaryKeyId) {
        Map<String, SecretKey> keys = new LinkedHashMap<>();
        for (String entry : spec.split(",")) {
            String trimmed = entry.trim();
            if (trimmed.isEmpty()) {
                continue;
            }
            int colon = trimmed.indexOf(':');
            if (colon <= 0) {
                throw new IllegalArgumentException("key ring entries are id:base64key");
            }
            String id = trimmed.substring(0, colon);
            byte[] material;
            try {
                material = Base64.getDecoder().decode(trimmed.substring(colon + 1));
            } catch (IllegalArgumentException e) {
                // never echo the key material itself
                throw new IllegalArgumentException("key '" + id + "' is not valid base64");
            }
            if (material.length != 32) {
                throw new IllegalArgumentException("key '" + id + "' must be 256 bits, is " + material.length * 8);
            }
            keys.put(id, new SecretKeySpec(material, "AES"));
        }
        return new KeyRing(keys, primaryKeyId == null || primaryKeyId.isBlank() ? keys.keySet().iterator().next() : primaryKeyId);
    }

    public String primaryKeyId() {
        return primaryKeyId;
    }

    SecretKey primaryKey() {
        return keys.get(primaryKeyId);
    }

    Optional<SecretKey> key(String keyId) {
        return Optional.ofNullable(keys.get(keyId));
    }

    public Set<String> keyIds() {
        return keys.keySet();
    }

    @Override
    public String toString() {
        return "KeyRing[primary=" + primaryKeyId + ", keys=" + keys.keySet() + "]";
    }
}
