package io.nexusconnect.adapterkit.paging;

import com.fasterxml.jackson.databind.JsonNode;
import io.nexusconnect.contracts.kafka.Json;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.util.ArrayList;
import java.util.List;
import java.util.stream.IntStream;

import static org.assertj.core.api.Assertions.assertThat;

class PagingTest {

    /** A listing of {@code count} records the fake source slices; it records every request it got. */
    private static final class Listing {
        final List<PageRequest> requests = new ArrayList<>();
        final List<Integer> received = new ArrayList<>();
        final int count;

        Listing(int count) {
            this.count = count;
        }

        List<Integer> slice(long from, int size) {
            return IntStream.range((int) Math.min(from, count), (int) Math.min(from + size, count)).boxed().toList();
        }
    }

    @Test
    @DisplayName("A token chain (NextToken) is followed until a page names no next token")
    void tokenChainToTheEnd() {
        // given 25 records in pages of 10 chained by tokens "t10", "t20"
        Listing listing = new Listing(25);

        // when paged
        PagingResult result = Paging.tokens().forEach(request -> {
            listing.requests.add(request);
            long from = request.token() == null ? 0 : Long.parseLong(request.token().substring(1));
            List<Integer> items = listing.slice(from, 10);
            return Page.of(items, from + 10 < listing.count ? "t" + (from + 10) : null);
        }, page -> listing.received.addAll(page.items()));

        // then every record came once over three pages, the first request without a token
        assertThat(listing.received).containsExactlyElementsOf(IntStream.range(0, 25).boxed().toList());
        assertThat(listing.requests).extracting(PageRequest::token).containsExactly(null, "t10", "t20");
        assertThat(result).isEqualTo(new PagingResult(3, 25, PagingResult.Stop.LAST_PAGE, "t20"));
    }

    @Test
    @DisplayName("A marketplace that hands back a token it gave before stops the walk instead of looping")
    void repeatedTokenStops() {
        // given a source that answers "A" then "B" then "A" again forever
        List<String> tokens = List.of("A", "B", "A", "B");

        // when paged
        PagingResult result = Paging.tokens().forEach(request -> Page.of(List.of(request.index()),
                tokens.get(request.index())), page -> { });

        // then it stopped on the repeat after three pages
        assertThat(result.stop()).isEqualTo(PagingResult.Stop.REPEATED_TOKEN);
        assertThat(result.pages()).isEqualTo(3);
        assertThat(result.complete()).isFalse();
    }

    @Test
    @DisplayName("A checkpointed token resumes the chain, and that same token coming back is a repeat")
    void resumeFromToken() {
        // given a chain resumed at "B", whose page names "B" again
        List<PageRequest> requests = new ArrayList<>();

        // when paged
        PagingResult result = Paging.tokens().from("B").forEach(request -> {
            requests.add(request);
            return Page.of(List.of(1), "B");
        }, page -> { });

        // then the first request carried B and the walk stopped at once
        assertThat(requests).extracting(PageRequest::token).containsExactly("B");
        assertThat(result.stop()).isEqualTo(PagingResult.Stop.REPEATED_TOKEN);
    }

    @Test
    @DisplayName("An empty page that still names a next page ends a token chain, unless empty pages are expected")
    void emptyTokenPage() {
        // given pages that are always empty but always name a fresh token
        PageSource<Integer> source = request -> Page.of(List.of(), "t" + request.index());

        // when paged with and without following empty pages (with a ceiling of 5)
        PagingResult strict = Paging.tokens().forEach(source, page -> { });
        PagingResult lenient = Paging.tokens().followEmptyPages().maxPages(5).forEach(source, page -> { });

        // then the strict walk stopped after one page and the lenient one at the ceiling
        assertThat(strict).extracting(PagingResult::pages, PagingResult::stop).containsExactly(1, PagingResult.Stop.EMPTY_PAGE);
        assertThat(lenient).extracting(PagingResult::pages, PagingResult::stop).containsExactly(5, PagingResult.Stop.MAX_PAGES);
    }

    @Test
    @DisplayName("Offset/limit paging advances by what arrived and ends on a short page (Kaufland, eBay)")
    void offsetsEndOnShortPage() {
        // given 45 records, limit 20
        Listing listing = new Listing(45);

        // when paged
        PagingResult result = Paging.offsets(20).forEach(request -> {
            listing.requests.add(request);
            return Page.of(listing.slice(request.offset(), request.limit()));
        }, page -> listing.received.addAll(page.items()));

        // then three requests at offsets 0, 20, 40
        assertThat(listing.requests).extracting(PageRequest::offset).containsExactly(0L, 20L, 40L);
        assertThat(listing.received).hasSize(45);
        assertThat(result.stop()).isEqualTo(PagingResult.Stop.LAST_PAGE);
    }

    @Test
    @DisplayName("Offset paging stops at the announced total without asking for an empty page")
    void offsetsStopAtTotal() {
        // given exactly 40 records, limit 20, the total in every answer
        Listing listing = new Listing(40);

        // when paged
        PagingResult result = Paging.offsets(20).forEach(request -> {
            listing.requests.add(request);
            return Page.withTotal(listing.slice(request.offset(), request.limit()), 40);
        }, page -> { });

        // then two calls sufficed
        assertThat(listing.requests).hasSize(2);
        assertThat(result).isEqualTo(new PagingResult(2, 40, PagingResult.Stop.LAST_PAGE, null));
    }

    @Test
    @DisplayName("Page-number paging from 1 read until an empty page, as bol documents it")
    void pageNumbersUntilEmpty() {
        // given 120 records in pages of 50 (the last short), read until empty
        Listing listing = new Listing(120);

        // when paged
        PagingResult result = Paging.pageNumbers(1, 50).untilEmptyPage().forEach(request -> {
            listing.requests.add(request);
            return Page.of(listing.slice((request.pageNumber() - 1L) * 50, 50));
        }, page -> listing.received.addAll(page.items()));

        // then pages 1..4 were asked, the fourth empty
        assertThat(listing.requests).extracting(PageRequest::pageNumber).containsExactly(1, 2, 3, 4);
        assertThat(listing.received).hasSize(120);
        assertThat(result.stop()).isEqualTo(PagingResult.Stop.EMPTY_PAGE);
        assertThat(result.complete()).isTrue();
    }

    @Test
    @DisplayName("A listing that never ends stops at the page ceiling")
    void ceiling() {
        // given a page-number source that always returns a full page
        PagingResult result = Paging.pageNumbers(0, 2).maxPages(7).forEach(request -> Page.of(List.of(1, 2)), page -> { });

        // then seven pages were read
        assertThat(result).extracting(PagingResult::pages, PagingResult::stop).containsExactly(7, PagingResult.Stop.MAX_PAGES);
    }

    @Test
    @DisplayName("The shapes of the seven APIs are read from their answers; absent or blank means no next page")
    void shapes() throws Exception {
        JsonNode amazon = Json.mapper().readTree("{\"payload\":{\"Orders\":[],\"NextToken\":\"2YgYW55\"}}");
        JsonNode amazonLast = Json.mapper().readTree("{\"payload\":{\"Orders\":[],\"NextToken\":\"\"}}");
        JsonNode walmart = Json.mapper().readTree("{\"list\":{\"meta\":{\"totalCount\":3,\"nextCursor\":\"?limit=10&soIndex=2\"}}}");
        JsonNode ebay = Json.mapper().readTree("{\"next\":\"https://api.ebay.com/sell/fulfillment/v1/order?offset=50\",\"total\":\"120\"}");
        JsonNode jsonApi = Json.mapper().readTree("{\"links\":{\"next\":{\"href\":\"/orders?page[number]=2\"}}}");
        JsonNode shopify = Json.mapper().readTree("{\"data\":{\"orders\":{\"pageInfo\":{\"hasNextPage\":true,\"endCursor\":\"eyJ\"}}}}");
        JsonNode shopifyLast = Json.mapper().readTree("{\"pageInfo\":{\"hasNextPage\":false,\"endCursor\":\"eyK\"}}");
        JsonNode kaufland = Json.mapper().readTree("{\"data\":[],\"pagination\":{\"offset\":0,\"limit\":30,\"total\":61}}");

        assertThat(PageShapes.token(amazon, "/payload/NextToken")).isEqualTo("2YgYW55");
        assertThat(PageShapes.token(amazonLast, "/payload/NextToken")).isNull();
        assertThat(PageShapes.token(walmart, "/list/meta/nextCursor")).isEqualTo("?limit=10&soIndex=2");
        assertThat(PageShapes.nextLink(ebay)).endsWith("offset=50");
        assertThat(PageShapes.total(ebay, "/total")).isEqualTo(120);
        assertThat(PageShapes.nextLink(jsonApi)).isEqualTo("/orders?page[number]=2");
        assertThat(PageShapes.nextLink(kaufland)).isNull();
        assertThat(PageShapes.graphQlEndCursor(shopify.at("/data/orders"))).isEqualTo("eyJ");
        assertThat(PageShapes.graphQlEndCursor(shopifyLast)).isNull();
        assertThat(PageShapes.total(kaufland, "/pagination/total")).isEqualTo(61);
        assertThat(PageShapes.total(kaufland, "/missing")).isEqualTo(-1);
    }

    @Test
    @DisplayName("Cursor timestamps are read in every form they come in; garbage reads as absent")
    void cursorParsing() {
        assertThat(Cursors.parseInstant("2026-03-01T10:00:00Z")).contains(java.time.Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(Cursors.parseInstant("2026-03-01T11:00:00+01:00")).contains(java.time.Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(Cursors.parseInstant("2026-03-01T10:00:00")).contains(java.time.Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(Cursors.parseInstant("2026-03-01")).contains(java.time.Instant.parse("2026-03-01T00:00:00Z"));
        assertThat(Cursors.parseInstant("1772359200")).contains(java.time.Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(Cursors.parseInstant("1772359200000")).contains(java.time.Instant.parse("2026-03-01T10:00:00Z"));
        assertThat(Cursors.parseInstant("yesterday")).isEmpty();
        assertThat(Cursors.parseInstant(" ")).isEmpty();
        assertThat(Cursors.latest(null, java.time.Instant.EPOCH)).isEqualTo(java.time.Instant.EPOCH);
    }
}
