package io.nexusconnect.amazon.stock;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.adapterkit.stock.StockWriter.Rejection;
import io.nexusconnect.contracts.kafka.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

class FeedReportTest {
    private static final Map<Integer, String> SENT = Map.of(1, "A", 2, "B", 3, "C");

    @Test
    @DisplayName("A message with an ERROR issue is rejected with all its issues; warnings and unmentioned messages are accepted")
    void errorsRejectWarningsDoNot() {
        // given the schema's example shape: two ERRORs for message 2, a WARNING for message 3
        JsonNode report = Json.mapper().valueToTree(Map.of(
                "issues", List.of(
                        Map.of("messageId", 2, "sku", "B", "code", "90220", "severity", "ERROR",
                                "message", "'[batteries_required]' is required but not supplied."),
                        Map.of("messageId", 2, "sku", "B", "code", "99022", "severity", "ERROR",
                                "message", "not enough values", "attributeName", "purchasable_offer.our_price"),
                        Map.of("messageId", 3, "sku", "C", "code", "18448", "severity", "WARNING", "message", "relevant")),
                "summary", Map.of("messagesProcessed", 3, "messagesAccepted", 2, "messagesInvalid", 1)));

        // when read
        List<Rejection> rejections = FeedReport.rejections(report, "F1", SENT);

        // then only B is rejected, naming the feed, the message and both issues
        assertThat(rejections).singleElement().satisfies(r -> {
            assertThat(r.sku()).isEqualTo("B");
            assertThat(r.reason()).isEqualTo("feed F1 message 2 INVALID: ERROR 90220 '[batteries_required]' is required "
                    + "but not supplied.; ERROR 99022 not enough values [purchasable_offer.our_price]");
        });
    }

    @Test
    @DisplayName("Messages the report says were not processed are rejected rather than assumed applied")
    void unprocessedMessagesRejected() {
        JsonNode report = Json.mapper().valueToTree(Map.of("issues", List.of(),
                "summary", Map.of("messagesProcessed", 1)));

        assertThat(FeedReport.rejections(report, "F2", SENT)).extracting(Rejection::sku)
                .containsExactlyInAnyOrder("A", "B", "C");
    }

    @Test
    @DisplayName("A FATAL report's reason is its feed-level issues, those without a messageId")
    void feedLevelIssues() {
        JsonNode report = Json.mapper().valueToTree(Map.of("issues", List.of(
                Map.of("code", "4000000", "severity", "ERROR", "message", "The feed could not be processed."),
                Map.of("messageId", 1, "code", "1", "severity", "ERROR", "message", "per message"))));

        assertThat(FeedReport.feedIssues(report)).isEqualTo("ERROR 4000000 The feed could not be processed.");
    }
}
