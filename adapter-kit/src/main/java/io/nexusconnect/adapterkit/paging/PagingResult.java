package io.nexusconnect.adapterkit.paging;

/**
 * How a paging run ended.
 *
 * @param lastToken the last next-token seen (for a checkpoint of a token chain), null for other styles
 */
public record PagingResult(int pages, long items, Stop stop, String lastToken) {

    public enum Stop {
        /** The marketplace said this was the last page (no next token, short page, total reached). */
        LAST_PAGE,
        /** A page came back without records: the end for page-number listings, a guard for the others. */
        EMPTY_PAGE,
        /** The marketplace handed back a token it had given before: following it would loop forever. */
        REPEATED_TOKEN,
        /** The configured ceiling of pages per run was reached. */
        MAX_PAGES
    }

    /** True when the listing ended by the marketplace's own word, not by a guard. */
    public boolean complete() {
        return stop == Stop.LAST_PAGE || stop == Stop.EMPTY_PAGE;
    }
}
