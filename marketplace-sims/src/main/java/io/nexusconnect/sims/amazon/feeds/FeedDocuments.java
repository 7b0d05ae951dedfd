package io.nexusconnect.sims.amazon.feeds;

import io.nexusconnect.sims.common.requests.RequestLog;
import io.vertx.core.buffer.Buffer;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import io.vertx.ext.web.handler.BodyHandler;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Supplier;

/**
 * The storage behind feed and report documents, in place of Amazon's S3 bucket: pre-signed URLs (an HMAC of document
 * id and expiry, valid 5 minutes as both models say), PUT to upload an input document, GET to download a result
 * document (bytes as stored: a gzip-compressed report stays compressed, as Amazon serves it).
 * No access token is asked for or accepted here: a pre-signed URL is its own authorization. Transfers are logged as
 * {@value #UPLOAD} and {@value #DOWNLOAD}.
 */
public final class FeedDocuments {
    static final Duration URL_LIFETIME = Duration.ofMinutes(5);
    /** The documented limit of a feed document is not in the model; 10 MiB holds 25,000 quantity messages. */
    static final int MAX_DOCUMENT_BYTES = 10 * 1024 * 1024;

    /**
     * A stored document; {@code content} is null until uploaded. {@code compressionAlgorithm} (GZIP or null) is what
     * getReportDocument announces: the bytes are served as stored, so the reader decompresses them.
     */
    public record Document(String id, String sellingPartnerId, String contentType, byte[] content,
                           String compressionAlgorithm) {
    }

    public static final String UPLOAD = "uploadFeedDocument";
    public static final String DOWNLOAD = "downloadFeedDocument";

    private final Clock clock;
    private final Supplier<String> baseUrl;
    private final RequestLog log;
    private final byte[] key = new byte[32];
    private final Map<String, Document> documents = new ConcurrentHashMap<>();

    public FeedDocuments(Clock clock, Supplier<String> baseUrl, RequestLog log) {
        this.clock = clock;
        this.baseUrl = baseUrl;
        this.log = log;
        new SecureRandom().nextBytes(key);
    }

    /** Mounts the upload and download routes; call before any body handler with a smaller limit. */
    public void mount(Router router) {
        router.put("/feed-documents/:id").handler(BodyHandler.create(false).setBodyLimit(MAX_DOCUMENT_BYTES))
                .handler(ctx -> {
                    upload(ctx);
                    log.record(UPLOAD, ctx.response().getStatusCode());
                });
        router.get("/feed-documents/:id").handler(ctx -> {
            download(ctx);
            log.record(DOWNLOAD, ctx.response().getStatusCode());
        });
    }

    /** A new, empty document of a seller, with the URL to upload its content. */
    Document create(String sellingPartnerId, String contentType) {
        Document document = new Document("amzn1.tortuga.4." + java.util.UUID.randomUUID(), sellingPartnerId, contentType,
                null, null);
        documents.put(document.id(), document);
        return document;
    }

    /** A document holding content the simulator wrote (a processing report). */
    Document store(String sellingPartnerId, String contentType, String content) {
        return store(sellingPartnerId, contentType, content.getBytes(StandardCharsets.UTF_8), null);
    }

    /** A document holding bytes the simulator wrote (a report, possibly gzip-compressed). */
    public Document store(String sellingPartnerId, String contentType, byte[] content, String compressionAlgorithm) {
        Document document = new Document("amzn1.tortuga.4." + java.util.UUID.randomUUID(), sellingPartnerId, contentType,
                content, compressionAlgorithm);
        documents.put(document.id(), document);
        return document;
    }

    public Optional<Document> find(String id) {
        return Optional.ofNullable(documents.get(id));
    }

    public String url(Document document) {
        return url(document, clock.instant().plus(URL_LIFETIME));
    }

    /** A URL valid until {@code expiresAt} (one in the past simulates a URL used too late). */
    public String url(Document document, Instant expiresAt) {
        long expires = expiresAt.getEpochSecond();
        return baseUrl.get() + "/feed-documents/" + document.id() + "?X-Amz-Expires=" + expires + "&X-Amz-Signature="
                + sign(document.id(), expires);
    }

    private void upload(RoutingContext ctx) {
        Optional<Document> document = authorized(ctx);
        if (document.isEmpty()) {
            return;
        }
        String contentType = ctx.request().getHeader("Content-Type");
        if (contentType == null || !contentType.equalsIgnoreCase(document.get().contentType())) {
            // S3 signs the Content-Type given to createFeedDocument: another one breaks the signature
            deny(ctx, "SignatureDoesNotMatch");
            return;
        }
        byte[] body = ctx.body() == null || ctx.body().buffer() == null ? new byte[0] : ctx.body().buffer().getBytes();
        documents.put(document.get().id(), new Document(document.get().id(), document.get().sellingPartnerId(),
                document.get().contentType(), body, null));
        ctx.response().setStatusCode(200).end();
    }

    private void download(RoutingContext ctx) {
        Optional<Document> document = authorized(ctx);
        if (document.isEmpty()) {
            return;
        }
        if (document.get().content() == null) {
            ctx.response().setStatusCode(404).end("<Error><Code>NoSuchKey</Code></Error>");
            return;
        }
        ctx.response().setStatusCode(200).putHeader("Content-Type", document.get().contentType())
                .end(Buffer.buffer(document.get().content()));
    }

    private Optional<Document> authorized(RoutingContext ctx) {
        String id = ctx.pathParam("id");
        String expires = ctx.queryParams().get("X-Amz-Expires");
        String signature = ctx.queryParams().get("X-Amz-Signature");
        Document document = documents.get(id);
        if (document == null || expires == null || signature == null || !expires.matches("\\d{1,12}")
                || !java.security.MessageDigest.isEqual(sign(id, Long.parseLong(expires)).getBytes(StandardCharsets.UTF_8),
                signature.getBytes(StandardCharsets.UTF_8))) {
            deny(ctx, "SignatureDoesNotMatch");
            return Optional.empty();
        }
        if (clock.instant().isAfter(Instant.ofEpochSecond(Long.parseLong(expires)))) {
            deny(ctx, "AccessDenied");
            return Optional.empty();
        }
        return Optional.of(document);
    }

    private static void deny(RoutingContext ctx, String code) {
        ctx.response().setStatusCode(403).putHeader("Content-Type", "application/xml")
                .end("<Error><Code>" + code + "</Code></Error>");
    }

    private String sign(String id, long expires) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(key, "HmacSHA256"));
            return HexFormat.of().formatHex(mac.doFinal((id + "\n" + expires).getBytes(StandardCharsets.UTF_8)));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }
}
