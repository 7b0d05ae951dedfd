package io.nexusconnect.adapterkit.paging;

import org.jboss.logging.Logger;

import java.util.HashSet;
import java.util.Set;
import java.util.function.Consumer;

/**
 * Walks a marketplace listing page by page in one of the shapes the seven APIs use, and never loops: it stops when
 * the marketplace says the listing ended, when a page comes back empty, when a token repeats, or at a page ceiling.
 *
 * <table>
 *   <caption>styles</caption>
 *   <tr><td>{@link #tokens()}</td><td>Amazon NextToken / pageToken, Walmart nextCursor, eBay and JSON:API
 *   {@code links.next}, Shopify GraphQL {@code pageInfo.endCursor}</td></tr>
 *   <tr><td>{@link #offsets(int)}</td><td>eBay orders, Kaufland ({@code limit}/{@code offset})</td></tr>
 *   <tr><td>{@link #pageNumbers(int, int)}</td><td>bol ({@code page} from 1, until empty), Zalando
 *   ({@code page_number})</td></tr>
 * </table>
 *
 * <p>The consumer sees each fetched page (an empty one too) before the next is fetched; it publishes the records
 * and reports progress. A thrown exception ends the walk and propagates.
 */
public final class Paging {
    private static final Logger LOG = Logger.getLogger(Paging.class);

    private enum Style { TOKENS, OFFSETS, PAGE_NUMBERS }

    private final Style style;
    private final int limit;
    private final int firstPageNumber;
    private final String startToken;
    private final long startOffset;
    private final int maxPages;
    private final boolean stopOnEmptyPage;
    private final boolean stopOnShortPage;

    private Paging(Style style, int limit, int firstPageNumber, String startToken, long startOffset, int maxPages,
                   boolean stopOnEmptyPage, boolean stopOnShortPage) {
        this.style = style;
        this.limit = limit;
        this.firstPageNumber = firstPageNumber;
        this.startToken = startToken;
        this.startOffset = startOffset;
        this.maxPages = maxPages;
        this.stopOnEmptyPage = stopOnEmptyPage;
        this.stopOnShortPage = stopOnShortPage;
    }

    /** Each page names the next (token, cursor, URL); the first request has no token. */
    public static Paging tokens() {
        return new Paging(Style.TOKENS, 0, 0, null, 0, Integer.MAX_VALUE, true, true);
    }

    /** {@code offset} advances by the records received; ends on a short page, an empty page or the total. */
    public static Paging offsets(int limit) {
        requirePositive(limit);
        return new Paging(Style.OFFSETS, limit, 0, null, 0, Integer.MAX_VALUE, true, true);
    }

    /** Pages numbered from {@code firstPageNumber}; ends on an empty page, a short page or the total. */
    public static Paging pageNumbers(int firstPageNumber, int pageSize) {
        requirePositive(pageSize);
        return new Paging(Style.PAGE_NUMBERS, pageSize, firstPageNumber, null, 0, Integer.MAX_VALUE, true, true);
    }

    /** Continues a token chain from a checkpointed token instead of the first page. */
    public Paging from(String token) {
        return new Paging(style, limit, firstPageNumber, token, startOffset, maxPages, stopOnEmptyPage, stopOnShortPage);
    }

    /** Continues an offset listing from a checkpointed offset. */
    public Paging fromOffset(long offset) {
        return new Paging(style, limit, firstPageNumber, startToken, offset, maxPages, stopOnEmptyPage, stopOnShortPage);
    }

    public Paging maxPages(int value) {
        requirePositive(value);
        return new Paging(style, limit, firstPageNumber, startToken, startOffset, value, stopOnEmptyPage, stopOnShortPage);
    }

    /**
     * For token chains whose pages may be empty in the middle (a filter applied after paging): keep following the
     * token; a repeated token and the page ceiling still stop the walk.
     */
    public Paging followEmptyPages() {
        return new Paging(style, limit, firstPageNumber, startToken, startOffset, maxPages, false, stopOnShortPage);
    }

    /**
     * For listings that document "read until a page comes back empty" (bol): a page shorter than the page size does
     * not end the walk.
     */
    public Paging untilEmptyPage() {
        return new Paging(style, limit, firstPageNumber, startToken, startOffset, maxPages, stopOnEmptyPage, false);
    }

    public <T> PagingResult forEach(PageSource<T> source, Consumer<Page<T>> onPage) {
        Set<String> seenTokens = new HashSet<>();
        String token = startToken;
        if (token != null) {
            seenTokens.add(token);
        }
        long offset = startOffset;
        int pageNumber = firstPageNumber;
        long items = 0;
        for (int index = 0; ; index++) {
            if (index >= maxPages) {
                LOG.warnf("paging stopped after %d pages (ceiling)", index);
                return new PagingResult(index, items, PagingResult.Stop.MAX_PAGES, token);
            }
            Page<T> page = source.fetch(new PageRequest(index, token, offset, pageNumber, limit));
            // every fetched page is handed over, an empty one too: the adapter reports progress per marketplace page
            onPage.accept(page);
            int size = page.items().size();
            items += size;
            int pages = index + 1;
            if (style == Style.TOKENS) {
                if (!page.hasNext()) {
                    return new PagingResult(pages, items, PagingResult.Stop.LAST_PAGE, token);
                }
                if (!seenTokens.add(page.next())) {
                    LOG.warnf("paging stopped: the marketplace repeated a next token after %d pages", pages);
                    return new PagingResult(pages, items, PagingResult.Stop.REPEATED_TOKEN, page.next());
                }
                if (size == 0 && stopOnEmptyPage) {
                    LOG.debugf("paging stopped: an empty page still named a next page (after %d pages)", pages);
                    return new PagingResult(pages, items, PagingResult.Stop.EMPTY_PAGE, page.next());
                }
                token = page.next();
                continue;
            }
            if (size == 0) {
                return new PagingResult(pages, items, PagingResult.Stop.EMPTY_PAGE, null);
            }
            offset += size;
            pageNumber++;
            long read = style == Style.OFFSETS ? offset : items;
            boolean totalReached = page.knownTotal().isPresent() && read >= page.knownTotal().getAsLong();
            if ((stopOnShortPage && size < limit) || totalReached) {
                return new PagingResult(pages, items, PagingResult.Stop.LAST_PAGE, null);
            }
        }
    }

    private static void requirePositive(int value) {
        if (value < 1) {
            throw new IllegalArgumentException("must be >= 1: " + value);
        }
    }
}
