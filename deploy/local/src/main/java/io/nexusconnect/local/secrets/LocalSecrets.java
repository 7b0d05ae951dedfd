package io.nexusconnect.local.secrets;

import io.nexusconnect.contracts.security.KeyRing;

import java.io.IOException;
import java.io.StringReader;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.util.Properties;

/**
 * The secrets of a local stack, made on its first start and kept in its work directory (owner-only files), so that
 * credentials sealed yesterday still open today and tokens survive a restart:
 * <ul>
 *   <li>{@code keyring}: the AES-256 credential key ring shared by connection-service and the adapters;</li>
 *   <li>{@code jwt/signing-key.pem}: the RSA key that signs dev bearer tokens ({@code jwt/public-key.pem} is its
 *       public half, for other tools);</li>
 *   <li>{@code postgres/password}: the password of the services' database role.</li>
 * </ul>
 */
public final class LocalSecrets {
    public static final String JWT_ISSUER = "https://nexus-connect.local/issuer";

    private final String keyRingSpec;
    private final String primaryKeyId;
    private final JwtSigner jwtSigner;
    private final String databasePassword;

    private LocalSecrets(String keyRingSpec, String primaryKeyId, JwtSigner jwtSigner, String databasePassword) {
        this.keyRingSpec = keyRingSpec;
        this.primaryKeyId = primaryKeyId;
        this.jwtSigner = jwtSigner;
        this.databasePassword = databasePassword;
    }

    public static LocalSecrets loadOrCreate(Path workDir) {
        Properties ring = new Properties();
        try {
            ring.load(new StringReader(SecretFiles.readOrCreate(workDir.resolve("keyring"), () ->
                    "# credential key ring of this local stack (AES-256); losing it makes sealed credentials unreadable\n"
                            + "keys=local-k1:" + SecretFiles.randomBase64(32) + "\nprimary=local-k1\n")));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        String keys = ring.getProperty("keys", "");
        String primary = ring.getProperty("primary", "");
        KeyRing.parse(keys, primary); // fails early, with a message that names no key material, if the file was edited badly

        String signingKey = SecretFiles.readOrCreate(workDir.resolve("jwt/signing-key.pem"),
                () -> JwtSigner.privateKeyPem(JwtSigner.generateKeyPair()));
        JwtSigner signer = new JwtSigner(JwtSigner.readKeyPair(signingKey), JWT_ISSUER, Clock.systemUTC());
        writePublicKey(workDir.resolve("jwt/public-key.pem"), signer.publicKeyPem());

        String password = SecretFiles.readOrCreate(workDir.resolve("postgres/password"), () -> SecretFiles.randomToken(24)).trim();
        return new LocalSecrets(keys, primary, signer, password);
    }

    /** {@code NEXUS_CREDENTIALS_KEYS}: {@code id:base64key,...}. */
    public String keyRingSpec() {
        return keyRingSpec;
    }

    /** {@code NEXUS_CREDENTIALS_PRIMARY_KEY}. */
    public String primaryKeyId() {
        return primaryKeyId;
    }

    public JwtSigner jwtSigner() {
        return jwtSigner;
    }

    public String databasePassword() {
        return databasePassword;
    }

    /** Keeps the dev bearer token in {@code dev-token} (owner-only) for curl and other tools; returns the file. */
    public static Path saveDevToken(Path workDir, String token) {
        Path file = workDir.resolve("dev-token");
        SecretFiles.write(file, token + "\n");
        return file;
    }

    private static void writePublicKey(Path file, String pem) {
        try {
            if (!Files.exists(file) || !Files.readString(file).equals(pem)) {
                Files.writeString(file, pem);
            }
        } catch (IOException e) {
            throw new UncheckedIOException("cannot write " + file, e);
        }
    }

    @Override
    public String toString() {
        return "LocalSecrets[primaryKey=" + primaryKeyId + ", issuer=" + JWT_ISSUER + "]";
    }
}
