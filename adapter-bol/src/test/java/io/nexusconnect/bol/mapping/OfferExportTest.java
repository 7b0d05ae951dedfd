package io.nexusconnect.bol.mapping;

import io.nexusconnect.contracts.normalized.Product;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class OfferExportTest {
    private static final String CSV = "offerId,ean,conditionName,conditionCategory,conditionComment,"
            + "bundlePricesPrice,fulfilmentDeliveryCode,stockAmount,onHoldByRetailer,fulfilmentType,mutationDateTime,"
            + "referenceCode,correctedStock,someNewColumn\r\n"
            + "6ff736b5-cdd0-4150-8c67-78269ee986f5,0000007740404,NEW,NEW,,12.99,1-2d,6,false,FBR,"
            + "2026-03-01T10:00:00Z,BOLCOM00123,6,x\r\n"
            + "a1b2,8712345678906,NEW,NEW,,5.00,1-2d,0,true,FBB,2026-03-01T10:00:00Z,,0,y\r\n";

    @Test
    @DisplayName("Given an export with an unknown column, then each row is an offer found by reference code or EAN")
    void rowsBySku() {
        OfferExport export = OfferExport.parse(CSV);

        assertThat(export.rows()).hasSize(2);
        assertThat(export.bySku("BOLCOM00123").orElseThrow().offerId()).isEqualTo("6ff736b5-cdd0-4150-8c67-78269ee986f5");
        assertThat(export.bySku("0000007740404").orElseThrow().stock()).isEqualTo(6);
        assertThat(export.bySku("8712345678906").orElseThrow().sku()).isEqualTo("8712345678906");
        assertThat(export.bySku("NOPE")).isEmpty();
    }

    @Test
    @DisplayName("Given a row, then the product carries the offer id, SKU, EAN, price in EUR and the hold state")
    void toProduct() {
        OfferExport.Row held = OfferExport.parse(CSV).rows().get(1);

        Product product = OfferExport.toProduct(held, UUID.randomUUID(), "t1", UUID.randomUUID(), Instant.EPOCH);

        assertThat(product.externalId()).isEqualTo("a1b2");
        assertThat(product.price().decimal()).isEqualByComparingTo("5.00");
        assertThat(product.price().currency()).isEqualTo("EUR");
        assertThat(product.statuses()).containsExactly("ON_HOLD", "FBB");
    }

    @Test
    @DisplayName("Given a file without an offerId column or with a short row, then it is refused")
    void malformedFiles() {
        assertThatThrownBy(() -> OfferExport.parse("ean,stockAmount\n1,2\n")).hasMessageContaining("offerId");
        assertThatThrownBy(() -> OfferExport.parse("offerId,ean,stockAmount\n1,2\n")).hasMessageContaining("cells");
    }
}
