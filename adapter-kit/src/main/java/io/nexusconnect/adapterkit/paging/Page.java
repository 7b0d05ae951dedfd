package io.nexusconnect.adapterkit.paging;

import java.util.List;
import java.util.OptionalLong;

/**
 * One page as the adapter read it: its records and where the next page is.
 *
 * @param next  the next page's token, cursor or URL as the marketplace gave it; null or blank when it said there is
 *              none. Offset and page-number paging ignore it.
 * @param total how many records the whole result holds, when the marketplace says (offset paging stops there); -1
 *              when unknown
 */
public record Page<T>(List<T> items, String next, long total) {

    public Page {
        items = items == null ? List.of() : items;
    }

    /** A page of a token, cursor or link chain (NextToken, nextCursor, {@code links.next}, GraphQL endCursor). */
    public static <T> Page<T> of(List<T> items, String next) {
        return new Page<>(items, next, -1);
    }

    /** A page of an offset or page-number listing that tells the total. */
    public static <T> Page<T> withTotal(List<T> items, long total) {
        return new Page<>(items, null, total);
    }

    /** A page of a listing that tells neither (bol: read until a page comes back empty). */
    public static <T> Page<T> of(List<T> items) {
        return new Page<>(items, null, -1);
    }

    public boolean hasNext() {
        return next != null && !next.isBlank();
    }

    public OptionalLong knownTotal() {
        return total < 0 ? OptionalLong.empty() : OptionalLong.of(total);
    }
}
