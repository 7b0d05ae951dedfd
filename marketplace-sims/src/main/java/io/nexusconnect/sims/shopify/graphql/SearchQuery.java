package io.nexusconnect.sims.shopify.graphql;

import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The part of Shopify's search syntax (https://shopify.dev/docs/api/usage/search-syntax) the simulator answers:
 * {@code field:value}, {@code field:>value}, {@code >=}, {@code <}, {@code <=}, terms joined by spaces or
 * {@code AND}, values optionally quoted; {@link #anyOf} reads terms joined by {@code OR} (one SKU lookup for many). Date comparisons on {@code updated_at} / {@code created_at}; other terms are
 * kept for the resolvers ({@code sku}, {@code status}).
 */
public record SearchQuery(List<Term> terms) {

    public record Term(String field, String comparator, String value) {
    }

    private static final Pattern TERM = Pattern.compile(
            "([a-z_]+):(>=|<=|>|<)?(?:'([^']*)'|\"([^\"]*)\"|(\\S+))");

    public static SearchQuery parse(String query) {
        List<Term> terms = new ArrayList<>();
        if (query != null) {
            Matcher m = TERM.matcher(query);
            while (m.find()) {
                String value = m.group(3) != null ? m.group(3) : m.group(4) != null ? m.group(4) : m.group(5);
                terms.add(new Term(m.group(1), m.group(2) == null ? ":" : m.group(2), value));
            }
        }
        return new SearchQuery(terms);
    }

    /**
     * The alternatives of a query whose parts are joined by the {@code OR} connective ({@code sku:"A" OR sku:"B"}),
     * each read by {@link #parse}; an {@code OR} inside a quoted value does not split.
     */
    public static List<SearchQuery> anyOf(String query) {
        List<SearchQuery> alternatives = new ArrayList<>();
        if (query == null) {
            alternatives.add(parse(null));
            return alternatives;
        }
        int from = 0;
        char quote = 0;
        for (int i = 0; i < query.length(); i++) {
            char c = query.charAt(i);
            if (quote != 0) {
                quote = c == quote ? 0 : quote;
            } else if (c == '"' || c == '\'') {
                quote = c;
            } else if (query.startsWith(" OR ", i)) {
                alternatives.add(parse(query.substring(from, i)));
                from = i + 4;
                i += 3;
            }
        }
        alternatives.add(parse(query.substring(from)));
        return alternatives;
    }

    /** True when every date term on {@code field} holds for {@code at}; an unreadable date matches nothing. */
    public <T> boolean matchesDate(String field, Instant at) {
        for (Term t : terms) {
            if (!t.field().equals(field)) {
                continue;
            }
            Instant bound = instant(t.value());
            if (bound == null) {
                return false;
            }
            int c = at.compareTo(bound);
            boolean ok = switch (t.comparator()) {
                case ">" -> c > 0;
                case ">=" -> c >= 0;
                case "<" -> c < 0;
                case "<=" -> c <= 0;
                default -> c == 0;
            };
            if (!ok) {
                return false;
            }
        }
        return true;
    }

    /** True when every {@code field:value} term equals what {@code value} gives (case-insensitive). */
    public <T> boolean matchesText(String field, T item, Function<T, String> value) {
        for (Term t : terms) {
            if (t.field().equals(field) && !t.value().equalsIgnoreCase(String.valueOf(value.apply(item)))) {
                return false;
            }
        }
        return true;
    }

    static Instant instant(String value) {
        try {
            return OffsetDateTime.parse(value).toInstant();
        } catch (DateTimeParseException e) {
            try {
                return LocalDate.parse(value).atStartOfDay().toInstant(ZoneOffset.UTC);
            } catch (DateTimeParseException e2) {
                return null;
            }
        }
    }
}
