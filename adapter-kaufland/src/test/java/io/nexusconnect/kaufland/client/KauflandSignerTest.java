package io.nexusconnect.kaufland.client;

import io.nexusconnect.adapterkit.client.RequestSigner;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * Kaufland's documentation shows the signing code and example keys but prints no signature for them (BEHAVIOR.md), so
 * the expected values were computed independently with {@code openssl dgst -sha256 -hmac <secret>} over the string to
 * sign of the documented example request.
 */
class KauflandSignerTest {
    /** The secret key of https://sellerapi.kaufland.com/?page=code-examples. */
    private static final String DOC_SECRET = "b3575f222f7b768c25160b879699118b331c6883dd6010864b7ead130be77cd5";
    private static final String DOC_CLIENT = "35f5dba43b471cd2ad28fd68e4825e2b";

    @Test
    @DisplayName("Given the documented GET example (full URL with its query string, empty body), when signed, then the signature equals openssl's")
    void getExampleMatchesIndependentVector() {
        String uri = "https://sellerapi.kaufland.com/v2/products/20574181/?embedded=category,units";

        assertThat(KauflandSigner.stringToSign("GET", uri, new byte[0], 1411055926L))
                .isEqualTo("GET\n" + uri + "\n\n1411055926");
        assertThat(KauflandSigner.signature(DOC_SECRET, "GET", uri, new byte[0], 1411055926L))
                .isEqualTo("952fce09e26375037110ca10684f1dfa35f9ea0a76ed73a985c0241713154a08");
    }

    @Test
    @DisplayName("Given a PATCH with a JSON body, when signed, then the exact body bytes are part of the signature")
    void patchBodyIsSigned() {
        byte[] body = "{\"amount\":10}".getBytes(StandardCharsets.UTF_8);

        assertThat(KauflandSigner.signature(DOC_SECRET, "PATCH", "https://sellerapi.kaufland.com/v2/units/101?storefront=de",
                body, 1411055926L)).isEqualTo("fc55617d525d417567ea5c50ac180f12657841271170e51b8f348eddac5e67b3");
    }

    @Test
    @DisplayName("Given two attempts of one request at different times, when signed, then each carries its own timestamp and signature")
    void everyAttemptIsSignedAtItsOwnTime() {
        KauflandSigner signer = new KauflandSigner(DOC_CLIENT, DOC_SECRET);
        RequestSigner.OutgoingAttempt attempt = new RequestSigner.OutgoingAttempt("getUnits", "GET",
                "https://sellerapi.kaufland.com/v2/units?storefront=de", new byte[0], 1);

        Map<String, String> first = signer.sign(attempt, Clock.fixed(Instant.ofEpochSecond(1411055926L), ZoneOffset.UTC));
        Map<String, String> retry = signer.sign(attempt, Clock.fixed(Instant.ofEpochSecond(1411055931L), ZoneOffset.UTC));

        assertThat(first).containsEntry("Shop-Client-Key", DOC_CLIENT).containsEntry("Shop-Timestamp", "1411055926");
        assertThat(retry).containsEntry("Shop-Timestamp", "1411055931");
        assertThat(retry.get("Shop-Signature")).isNotEqualTo(first.get("Shop-Signature"))
                .isEqualTo(KauflandSigner.signature(DOC_SECRET, "GET", attempt.url(), new byte[0], 1411055931L));
        assertThat(signer.toString()).doesNotContain(DOC_SECRET);
    }
}
