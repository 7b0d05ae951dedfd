package io.nexusconnect.local.secrets;

import io.smallrye.jwt.build.Jwt;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.KeyFactory;
import java.security.KeyPair;
import java.security.KeyPairGenerator;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.interfaces.RSAPrivateCrtKey;
import java.security.spec.PKCS8EncodedKeySpec;
import java.security.spec.RSAPublicKeySpec;
import java.time.Clock;
import java.time.Duration;
import java.util.Base64;
import java.util.Set;
import java.util.UUID;

/**
 * RS256 bearer tokens the services accept ({@code mp.jwt.verify.publickey} + {@code mp.jwt.verify.issuer}), built and
 * signed with smallrye-jwt-build. The claims are those of the platform's identity provider: {@code tenant} scopes every request.
 */
public final class JwtSigner {
    private final KeyPair keys;
    private final String issuer;
    private final Clock clock;

    public JwtSigner(KeyPair keys, String issuer, Clock clock) {
        this.keys = keys;
        this.issuer = issuer;
        this.clock = clock;
    }

    public static KeyPair generateKeyPair() {
        try {
            KeyPairGenerator generator = KeyPairGenerator.getInstance("RSA");
            generator.initialize(2048);
            return generator.generateKeyPair();
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("RSA is not available", e);
        }
    }

    /** The private key in PKCS#8 PEM, the form it is stored in. */
    public static String privateKeyPem(KeyPair keys) {
        return pem("PRIVATE KEY", keys.getPrivate().getEncoded());
    }

    /** Reads a PKCS#8 PEM RSA private key and derives its public half (so only one file has to be kept). */
    public static KeyPair readKeyPair(String privateKeyPem) {
        String base64 = privateKeyPem.replaceAll("-----[A-Z ]+-----", "").replaceAll("\\s", "");
        try {
            KeyFactory factory = KeyFactory.getInstance("RSA");
            PrivateKey privateKey = factory.generatePrivate(new PKCS8EncodedKeySpec(Base64.getDecoder().decode(base64)));
            RSAPrivateCrtKey crt = (RSAPrivateCrtKey) privateKey;
            PublicKey publicKey = factory.generatePublic(new RSAPublicKeySpec(crt.getModulus(), crt.getPublicExponent()));
            return new KeyPair(publicKey, privateKey);
        } catch (GeneralSecurityException | IllegalArgumentException | ClassCastException e) {
            throw new IllegalStateException("the stored JWT signing key is not a PKCS#8 RSA key; delete it to get a new one");
        }
    }

    /** The verification key in PEM (X.509 SubjectPublicKeyInfo), the value of {@code MP_JWT_VERIFY_PUBLICKEY}. */
    public String publicKeyPem() {
        return pem("PUBLIC KEY", keys.getPublic().getEncoded());
    }

    public String issuer() {
        return issuer;
    }

    /** A token of an administrator of {@code tenant}, valid for {@code validity}. */
    public String tokenForTenant(String tenant, String user, Duration validity) {
        long now = clock.instant().getEpochSecond();
        return Jwt.issuer(issuer)
                .subject(user)
                .upn(user + "@" + tenant)
                .claim("tenant", tenant)
                .groups(Set.of("connections-admin"))
                .issuedAt(now)
                .expiresAt(now + validity.toSeconds())
                .claim("jti", UUID.randomUUID().toString())
                .sign(keys.getPrivate());
    }

    private static String pem(String type, byte[] der) {
        String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII)).encodeToString(der);
        return "-----BEGIN " + type + "-----\n" + body + "\n-----END " + type + "-----\n";
    }

    @Override
    public String toString() {
        return "JwtSigner[issuer=" + issuer + "]";
    }
}
