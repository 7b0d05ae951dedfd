package io.nexusconnect.sims.ebay.api;

import java.util.OptionalInt;

/** The paging numbers of a query string, read the same way by every eBay API; each API words its own rejection. */
final class QueryNumbers {
    private QueryNumbers() {
    }

    /** {@code fallback} when absent, the number when it is one within {@code [min, max]}, otherwise empty. */
    static OptionalInt within(String text, int fallback, int min, int max) {
        if (text == null) {
            return OptionalInt.of(fallback);
        }
        try {
            int value = Integer.parseInt(text.trim());
            if (value >= min && value <= max) {
                return OptionalInt.of(value);
            }
        } catch (NumberFormatException e) {
            // not a number: rejected below like one out of range
        }
        return OptionalInt.empty();
    }
}
