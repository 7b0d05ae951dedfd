package io.nexusconnect.adapterkit.mapping;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.kafka.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class JsonFieldsTest {

    private static JsonNode json(String text) throws Exception {
        return Json.mapper().readTree(text);
    }

    @Test
    @DisplayName("Amounts are read from numbers and, exactly, from numeric text; anything else names the field")
    void decimals() throws Exception {
        // given prices as a number, as padded text and as words
        JsonNode price = json("{\"number\":19.99,\"text\":\" 5.10 \",\"words\":\"ten\"}");

        // when they are read; then the first two are read and the third is refused with its name
        assertThat(JsonFields.decimal(price.path("number"), "number")).isEqualByComparingTo(new BigDecimal("19.99"));
        assertThat(JsonFields.decimal(price.path("text"), "text")).isEqualTo(new BigDecimal("5.10"));
        assertThatThrownBy(() -> JsonFields.decimal(price.path("words"), "unitPrice of item 7"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("unitPrice of item 7 is not a number");
    }

    @Test
    @DisplayName("Required text is answered when present and refused as \"<what> has no <field>\" when missing or blank")
    void requiredText() throws Exception {
        // given an order with an id, a blank status and no date
        JsonNode order = json("{\"orderId\":\"A-1\",\"status\":\"  \"}");

        // when the fields are read; then only the id is answered
        assertThat(JsonFields.requiredText(order, "orderId", "an order")).isEqualTo("A-1");
        assertThatThrownBy(() -> JsonFields.requiredText(order, "status", "order A-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("order A-1 has no status");
        assertThatThrownBy(() -> JsonFields.requiredText(order, "orderPlacedDateTime", "order A-1"))
                .isInstanceOf(IllegalArgumentException.class).hasMessage("order A-1 has no orderPlacedDateTime");
    }
}
