package io.nexusconnect.sims.amazon;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.sims.amazon.model.SimOrder;
import io.nexusconnect.sims.amazon.reports.OrderTrackingReport;
import io.nexusconnect.sims.amazon.reports.ReportFault;
import io.nexusconnect.sims.common.SimClock;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.Arrays;
import java.util.List;
import java.util.zip.GZIPInputStream;

import static io.nexusconnect.sims.amazon.SimHttp.get;
import static io.nexusconnect.sims.amazon.SimHttp.send;
import static org.assertj.core.api.Assertions.assertThat;

class ReportsTest extends AmazonSimTest {
    private static final SimClock CLOCK = new SimClock(Instant.parse("2026-03-02T10:00:00Z"));
    private static final String MARKETPLACE = AmazonSimulator.DEMO.marketplaceId();
    private String token;
    private String reports;

    @Override
    AmazonSimConfig config() {
        return AmazonSimConfig.builder().orderCount(40).listingCount(30).clock(CLOCK)
                .accessTokenTtl(Duration.ofDays(30)).build();
    }

    @BeforeAll
    void start() {
        token = SimHttp.demoToken(sim);
        reports = sim.baseUrl() + "/reports/2021-06-30";
    }

    @BeforeEach
    void refill() {
        sim.reports().clearFaults();
        sim.reports().gzip(true).charset(StandardCharsets.UTF_8);
    }

    @Test
    @DisplayName("Given the seeded orders, when an order tracking report of the last 30 days is created and polled, then it is queued, in progress, then DONE after the processing delay, and its gzip document holds one row per order item of exactly the orders getOrders answers for that window")
    void reportMatchesTheOrdersApi() throws IOException {
        Instant end = CLOCK.instant().minusSeconds(300);
        Instant start = end.minus(Duration.ofDays(30));
        String reportId = create(start, end);

        assertThat(report(reportId).path("processingStatus").asText()).isEqualTo("IN_QUEUE");
        CLOCK.advance(Duration.ofSeconds(40));
        assertThat(report(reportId).path("processingStatus").asText()).isEqualTo("IN_PROGRESS");
        CLOCK.advance(Duration.ofSeconds(90));
        JsonNode done = report(reportId);
        assertThat(done.path("processingStatus").asText()).isEqualTo("DONE");

        JsonNode document = get(reports + "/documents/" + done.path("reportDocumentId").asText(), token).json();
        assertThat(document.path("compressionAlgorithm").asText()).isEqualTo("GZIP");
        HttpResponse<byte[]> download = download(document.path("url").asText());
        assertThat(download.statusCode()).isEqualTo(200);
        assertThat(download.headers().firstValue("Content-Type").orElseThrow()).contains("charset=UTF-8");
        List<String> rows = Arrays.asList(new String(new GZIPInputStream(new ByteArrayInputStream(download.body()))
                .readAllBytes(), StandardCharsets.UTF_8).split("\n"));
        assertThat(rows.getFirst().split("\t")).containsExactlyElementsOf(OrderTrackingReport.COLUMNS);
        List<SimOrder> expected = sim.orders().stream()
                .filter(o -> !o.lastUpdateDate().isBefore(start) && !o.lastUpdateDate().isAfter(end)).toList();
        assertThat(rows.subList(1, rows.size())).hasSize(expected.stream().mapToInt(o -> o.items().size()).sum());
        assertThat(rows.subList(1, rows.size()).stream().map(r -> r.split("\t", -1)[0]).distinct())
                .containsExactlyInAnyOrderElementsOf(expected.stream().map(SimOrder::amazonOrderId).toList());
        assertThat(rows.subList(1, rows.size())).allMatch(r -> r.split("\t", -1).length == OrderTrackingReport.COLUMNS.size());
    }

    @Test
    @DisplayName("Given a window without orders, a window over 30 days, an uncompressed windows-1252 document and injected faults, then the report is CANCELLED, the request refused, the document plain in that charset, and the faults show as FATAL, CANCELLED, a malformed row and an expired URL")
    void edgesAndFaults() {
        Instant end = CLOCK.instant().minusSeconds(300);
        String empty = create(end.minus(Duration.ofDays(400)), end.minus(Duration.ofDays(380)));
        var tooLong = send("POST", reports + "/reports", token, body(end.minus(Duration.ofDays(31)), end));
        assertThat(tooLong.status()).isEqualTo(400);
        assertThat(tooLong.error("code")).isEqualTo("InvalidInput");

        sim.reports().gzip(false).charset(Charset.forName("windows-1252"));
        sim.reports().inject(ReportFault.MALFORMED_ROW);
        String malformed = create(end.minus(Duration.ofDays(30)), end);
        sim.reports().inject(ReportFault.FATAL);
        String fatal = create(end.minus(Duration.ofDays(30)), end);
        sim.reports().inject(ReportFault.CANCELLED);
        String cancelled = create(end.minus(Duration.ofDays(30)), end);
        sim.reports().inject(ReportFault.EXPIRED_URL);
        String expired = create(end.minus(Duration.ofDays(30)), end);
        CLOCK.advance(Duration.ofMinutes(3));

        assertThat(report(empty).path("processingStatus").asText()).isEqualTo("CANCELLED");
        JsonNode withBadRow = report(malformed);
        JsonNode document = get(reports + "/documents/" + withBadRow.path("reportDocumentId").asText(), token).json();
        assertThat(document.has("compressionAlgorithm")).isFalse();
        HttpResponse<byte[]> plain = download(document.path("url").asText());
        assertThat(plain.headers().firstValue("Content-Type").orElseThrow()).contains("windows-1252");
        String secondRow = new String(plain.body(), Charset.forName("windows-1252")).split("\n")[1];
        assertThat(secondRow.split("\t", -1)[OrderTrackingReport.COLUMNS.indexOf("quantity")]).isEqualTo("one");
        assertThat(report(fatal).path("processingStatus").asText()).isEqualTo("FATAL");
        assertThat(report(fatal).has("reportDocumentId")).isFalse();
        assertThat(report(cancelled).path("processingStatus").asText()).isEqualTo("CANCELLED");
        String expiredDocument = report(expired).path("reportDocumentId").asText();
        assertThat(download(get(reports + "/documents/" + expiredDocument, token).json().path("url").asText())
                .statusCode()).isEqualTo(403);
        assertThat(download(get(reports + "/documents/" + expiredDocument, token).json().path("url").asText())
                .statusCode()).isEqualTo(200);
    }

    private String create(Instant start, Instant end) {
        var reply = send("POST", reports + "/reports", token, body(start, end));
        assertThat(reply.status()).as(reply.body()).isEqualTo(202);
        return reply.json().path("reportId").asText();
    }

    private String body(Instant start, Instant end) {
        return "{\"reportType\":\"" + OrderTrackingReport.REPORT_TYPE + "\",\"marketplaceIds\":[\"" + MARKETPLACE
                + "\"],\"dataStartTime\":\"" + start + "\",\"dataEndTime\":\"" + end + "\"}";
    }

    private JsonNode report(String reportId) {
        var reply = get(reports + "/reports/" + reportId, token);
        assertThat(reply.status()).isEqualTo(200);
        return reply.json();
    }

    private HttpResponse<byte[]> download(String url) {
        try {
            return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create(url)).GET().build(),
                    HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
