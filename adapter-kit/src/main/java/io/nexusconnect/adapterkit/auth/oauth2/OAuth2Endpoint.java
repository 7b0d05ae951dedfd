package io.nexusconnect.adapterkit.auth.oauth2;

import io.nexusconnect.adapterkit.client.RequestSigner;

import java.net.URI;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * A marketplace's token endpoint and the way it wants to be spoken to: where the client credentials go (RFC 6749
 * §2.3.1 prefers HTTP Basic; Amazon takes them in the body), how the body is encoded (form, or JSON as LWA also
 * accepts), extra headers (Walmart's {@code WM_SVC.NAME}), headers made per attempt (Walmart's
 * {@code WM_QOS.CORRELATION_ID}, a new UUID each time), and the lifetime assumed when {@code expires_in} is missing.
 *
 * @param name shown in error messages, e.g. "Login with Amazon"
 */
public record OAuth2Endpoint(String name, URI tokenUrl, ClientAuthentication clientAuthentication, BodyEncoding encoding,
                             Map<String, String> headers, Duration defaultLifetime, RequestSigner perAttemptHeaders) {

    public enum ClientAuthentication {
        /** {@code Authorization: Basic base64(urlencode(id):urlencode(secret))} (eBay, Walmart, bol). */
        BASIC,
        /** {@code client_id} and {@code client_secret} as body parameters (Amazon LWA). */
        BODY
    }

    public enum BodyEncoding {
        /** {@code application/x-www-form-urlencoded}, the RFC's encoding. */
        FORM,
        /** {@code application/json}, for servers that take JSON (LWA's Java client posts JSON). */
        JSON
    }

    public OAuth2Endpoint {
        headers = Map.copyOf(headers);
        perAttemptHeaders = perAttemptHeaders == null ? RequestSigner.NONE : perAttemptHeaders;
    }

    public static OAuth2Endpoint basicForm(String name, URI tokenUrl) {
        return new OAuth2Endpoint(name, tokenUrl, ClientAuthentication.BASIC, BodyEncoding.FORM, Map.of(), Duration.ofHours(1),
                null);
    }

    public static OAuth2Endpoint bodyForm(String name, URI tokenUrl) {
        return new OAuth2Endpoint(name, tokenUrl, ClientAuthentication.BODY, BodyEncoding.FORM, Map.of(), Duration.ofHours(1),
                null);
    }

    public OAuth2Endpoint withEncoding(BodyEncoding value) {
        return new OAuth2Endpoint(name, tokenUrl, clientAuthentication, value, headers, defaultLifetime, perAttemptHeaders);
    }

    public OAuth2Endpoint withHeader(String header, String value) {
        Map<String, String> more = new LinkedHashMap<>(headers);
        more.put(header, value);
        return new OAuth2Endpoint(name, tokenUrl, clientAuthentication, encoding, more, defaultLifetime, perAttemptHeaders);
    }

    public OAuth2Endpoint withDefaultLifetime(Duration value) {
        return new OAuth2Endpoint(name, tokenUrl, clientAuthentication, encoding, headers, value, perAttemptHeaders);
    }

    /** Headers made for every attempt of a token request (a correlation id per call), by the client's signer hook. */
    public OAuth2Endpoint withPerAttemptHeaders(RequestSigner value) {
        return new OAuth2Endpoint(name, tokenUrl, clientAuthentication, encoding, headers, defaultLifetime, value);
    }
}
