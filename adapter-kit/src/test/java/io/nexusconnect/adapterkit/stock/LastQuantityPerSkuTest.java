package io.nexusconnect.adapterkit.stock;

import io.nexusconnect.contracts.stock.SetStock;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class LastQuantityPerSkuTest {

    @Test
    @DisplayName("A SKU named twice in a command keeps its first place and its last quantity")
    void lastWins() {
        // given a command naming SKU-1 twice
        List<SetStock.Item> items = List.of(new SetStock.Item("SKU-1", 5, 5, 0), new SetStock.Item("SKU-2", 1, 1, 0),
                new SetStock.Item("SKU-1", 3, 3, 0));

        // when it is reduced to one quantity per SKU; then SKU-1 comes first with 3
        assertThat(StockWriter.lastQuantityPerSku(items)).containsExactly(
                java.util.Map.entry("SKU-1", 3), java.util.Map.entry("SKU-2", 1));
    }

    @Test
    @DisplayName("SKUs keyed as the marketplace compares them merge: a padded EAN is the same EAN")
    void keyed() {
        // given the same EAN with and without spaces
        List<SetStock.Item> items = List.of(new SetStock.Item(" 4006381333931", 2, 2, 0),
                new SetStock.Item("4006381333931", 7, 7, 0));

        // when it is keyed trimmed; then one EAN with the last quantity remains
        assertThat(StockWriter.lastQuantityPerSku(items, String::trim)).containsExactly(
                java.util.Map.entry("4006381333931", 7));
    }
}
