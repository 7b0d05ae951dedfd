package io.nexusconnect.adapterkit.paging;

/**
 * Which page to fetch. Each paging style fills what it uses: token styles the {@code token} (null for the first
 * page), offset paging {@code offset} and {@code limit}, page-number paging {@code pageNumber} and {@code limit}.
 *
 * @param index 0 for the first page fetched by this run, counting up
 */
public record PageRequest(int index, String token, long offset, int pageNumber, int limit) {
    /** A single first page of {@code limit} records, e.g. for a Test Connection probe. */
    public static PageRequest first(int limit) {
        return new PageRequest(0, null, 0, 1, limit);
    }

    public boolean first() {
        return index == 0;
    }
}
