package io.nexusconnect.sims.ebay.api;

import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.sims.common.http.Json;

import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** eBay's spellings: Amount {@code {value: "12.30", currency}} and timestamps {@code 2015-08-04T19:09:02.768Z}. */
final class EbayJson {
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ss.SSS'Z'")
            .withZone(ZoneOffset.UTC);

    private EbayJson() {
    }

    static ObjectNode amount(BigDecimal value, String currency) {
        return Json.object().put("value", value.setScale(2, RoundingMode.HALF_UP).toPlainString())
                .put("currency", currency);
    }

    static String time(Instant instant) {
        return TIME.format(instant);
    }
}
