package io.nexusconnect.amazon.reports;

import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.sync.ErrorCode;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.time.Duration;
import java.util.Locale;
import java.util.zip.GZIPInputStream;

/**
 * Downloads report documents from their pre-signed URLs and turns the bytes into text. A pre-signed URL is storage,
 * not SP-API: no access token, no usage plan, and its own client, because a gzip document is bytes that must not be
 * decoded as text before it is decompressed. Redirects are never followed.
 */
public final class ReportDocuments {
    /** What the storage answered. */
    public record Download(int status, String contentType, byte[] body) {
        public boolean ok() {
            return status >= 200 && status < 300;
        }
    }

    private final HttpClient http;
    private final Duration timeout;

    public ReportDocuments(Duration timeout) {
        this.timeout = timeout;
        this.http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER)
                .connectTimeout(timeout).build();
    }

    public Download fetch(URI url) {
        try {
            HttpResponse<byte[]> response = http.send(HttpRequest.newBuilder(url).timeout(timeout).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
            return new Download(response.statusCode(), response.headers().firstValue("Content-Type").orElse(null),
                    response.body());
        } catch (IOException e) {
            throw new MarketplaceException(ErrorCode.MARKETPLACE_UNAVAILABLE, "report document download failed ("
                    + e.getClass().getSimpleName() + ")");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketplaceException(ErrorCode.INTERNAL, "interrupted while downloading a report document");
        }
    }

    /**
     * The document's text: gunzipped when getReportDocument said {@code GZIP}, decoded in the charset of the
     * download's Content-Type ({@code charset=…}), else UTF-8. Pure.
     *
     * @throws MalformedReportException for another compression, a charset Java does not know, or a broken gzip stream
     */
    public static String text(byte[] body, String compressionAlgorithm, String contentType) {
        byte[] plain = body;
        if (compressionAlgorithm != null && !compressionAlgorithm.isBlank()) {
            if (!"GZIP".equalsIgnoreCase(compressionAlgorithm)) {
                throw new MalformedReportException("compression " + compressionAlgorithm + " is not GZIP");
            }
            try (GZIPInputStream in = new GZIPInputStream(new ByteArrayInputStream(body))) {
                plain = in.readAllBytes();
            } catch (IOException e) {
                throw new MalformedReportException("the GZIP document cannot be decompressed (" + e.getMessage() + ")");
            }
        }
        return new String(plain, charset(contentType));
    }

    static Charset charset(String contentType) {
        if (contentType == null) {
            return StandardCharsets.UTF_8;
        }
        for (String parameter : contentType.split(";")) {
            String p = parameter.trim();
            if (p.toLowerCase(Locale.ROOT).startsWith("charset=")) {
                String name = p.substring("charset=".length()).replace("\"", "").trim();
                try {
                    return Charset.forName(name);
                } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
                    throw new MalformedReportException("the document's charset " + name + " is unknown");
                }
            }
        }
        return StandardCharsets.UTF_8;
    }
}
