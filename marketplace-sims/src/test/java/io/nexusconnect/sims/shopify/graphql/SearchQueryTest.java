package io.nexusconnect.sims.shopify.graphql;

import org.junit.jupiter.api.Test;

import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class SearchQueryTest {

    @Test
    void termsJoinedByOrAreAlternativesAndAnOrInsideQuotesIsPartOfTheValue() {
        // given a SKU lookup for three SKUs, one of them with " OR " in its quoted value
        String query = "sku:\"SH-A-1\" OR sku:'SH B OR C' OR sku:SH-D-4";

        // when it is read as alternatives
        List<SearchQuery> alternatives = SearchQuery.anyOf(query);

        // then there is one alternative per SKU, each with its value
        assertThat(alternatives).extracting(q -> q.terms().getFirst().value())
                .containsExactly("SH-A-1", "SH B OR C", "SH-D-4");
        assertThat(SearchQuery.anyOf("sku:X")).hasSize(1);
    }
}
