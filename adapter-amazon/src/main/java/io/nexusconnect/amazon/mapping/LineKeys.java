package io.nexusconnect.amazon.mapping;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The {@code lineId} of an Amazon order line, the same whether the line came from getOrderItems or from a row of the
 * order tracking report, which has no OrderItemId (BEHAVIOR.md, "One identity for a line"). <b>Decision:</b> the
 * seller SKU (the ASIN when a line has none); the n-th line of an order with the same SKU gets {@code "#n"} appended
 * (n ≥ 2), in the order Amazon lists the lines. Pure.
 */
public final class LineKeys {
    private LineKeys() {
    }

    /**
     * @param skus  per line, its seller SKU (may be null or blank)
     * @param asins per line, its ASIN (used when the SKU is missing)
     * @return per line, its key
     * @throws IllegalArgumentException when a line has neither
     */
    public static List<String> of(List<String> skus, List<String> asins) {
        Map<String, Integer> seen = new HashMap<>();
        List<String> keys = new ArrayList<>(skus.size());
        for (int i = 0; i < skus.size(); i++) {
            String base = blank(skus.get(i)) ? asins.get(i) : skus.get(i);
            if (blank(base)) {
                throw new IllegalArgumentException("an order line has neither SellerSKU nor ASIN");
            }
            int occurrence = seen.merge(base, 1, Integer::sum);
            keys.add(occurrence == 1 ? base : base + "#" + occurrence);
        }
        return keys;
    }

    private static boolean blank(String value) {
        return value == null || value.isBlank();
    }
}
