package io.nexusconnect.testinfra;

import io.smallrye.jwt.build.Jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * Bearer tokens for tests: RS256 JWTs (smallrye-jwt-build) signed with a key pair made once per JVM, whose public key
 * and issuer the test resource hands to the services ({@code mp.jwt.verify.publickey}, {@code mp.jwt.verify.issuer}).
 */
public final class TestTokens {
    public static final String ISSUER = "https://nexus-connect.test/issuer";
    private static final KeyPair KEYS = generate();

    private TestTokens() {
    }

    /** A token valid for one hour whose {@code tenant} claim is {@code tenant}. */
    public static String forTenant(String tenant) {
        return Jwt.issuer(ISSUER)
                .subject("test-user")
                .upn("test-user@" + tenant)
                .claim("tenant", tenant)
                .groups(Set.of("connections-admin"))
                .claim("jti", UUID.randomUUID().toString())
                .expiresIn(3600)
                .sign(KEYS.getPrivate());
    }

    /** The verification key in PEM form. */
    public static String publicKeyPem() {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
                .encodeToString(KEYS.getPublic().getEncoded());
        return "-----BEGIN PUBLIC KEY-----\n" + body + "\n-----END PUBLIC KEY-----";
    }

    private static KeyPair generate() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
