package io.nexusconnect.sims.ebay.api;

import io.nexusconnect.sims.ebay.EbayApi;
import io.nexusconnect.sims.ebay.http.EbayErrors;
import io.nexusconnect.sims.ebay.http.EbayException;
import io.nexusconnect.sims.ebay.model.EbayOrder;

import java.time.Duration;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.function.Predicate;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * getOrders' {@code filter}: comma-separated {@code creationdate:[a..b]}, {@code lastmodifieddate:[a..b]} (ignored
 * when creationdate is present) and {@code orderfulfillmentstatus:{NOT_STARTED|IN_PROGRESS}} or
 * {@code {FULFILLED|IN_PROGRESS}}; errors 30700-30850 of the spec. Without a filter: orders created in the last 90
 * days. Never older than two years.
 */
record OrderFilter(Predicate<EbayOrder> predicate) {
    private static final Pattern RANGE = Pattern.compile("^\\[(.*?)\\.\\.(.*)]$");
    private static final Set<String> STATUS_SETS = Set.of("{NOT_STARTED|IN_PROGRESS}", "{FULFILLED|IN_PROGRESS}");

    static OrderFilter parse(String filter, Instant now) {
        Predicate<EbayOrder> withinTwoYears = o -> !o.creationDate().isBefore(now.minus(Duration.ofDays(730)));
        if (filter == null || filter.isBlank()) {
            Instant since = now.minus(Duration.ofDays(90));
            return new OrderFilter(withinTwoYears.and(o -> !o.creationDate().isBefore(since)));
        }
        Predicate<EbayOrder> created = null;
        Predicate<EbayOrder> modified = null;
        Predicate<EbayOrder> status = o -> true;
        for (String criterion : split(filter)) {
            int colon = criterion.indexOf(':');
            String name = colon < 0 ? criterion : criterion.substring(0, colon).trim();
            String value = colon < 0 ? "" : criterion.substring(colon + 1).trim();
            switch (name) {
                case "creationdate" -> created = range(name, value, now, EbayOrder::creationDate);
                case "lastmodifieddate" -> modified = range(name, value, now, EbayOrder::lastModifiedDate);
                case "orderfulfillmentstatus" -> {
                    if (!STATUS_SETS.contains(value)) {
                        throw error(30800, "Invalid filter value " + value + " for filter " + name, name, value);
                    }
                    Set<String> allowed = Set.of(value.substring(1, value.length() - 1).split("\\|"));
                    status = o -> allowed.contains(o.orderFulfillmentStatus());
                }
                default -> throw error(30700, "Invalid filter name: " + name, "filter", name);
            }
        }
        Predicate<EbayOrder> dates = created != null ? created : modified != null ? modified : o -> true;
        return new OrderFilter(withinTwoYears.and(dates).and(status));
    }

    private static Predicate<EbayOrder> range(String name, String value, Instant now,
                                              java.util.function.Function<EbayOrder, Instant> field) {
        Matcher m = RANGE.matcher(value);
        if (!m.matches()) {
            throw error(30810, "Invalid date format", name, value);
        }
        if (m.group(1).isBlank()) {
            throw error(30820, "Start date is missing", name, value);
        }
        Instant start = instant(name, m.group(1));
        Instant end = m.group(2).isBlank() ? null : instant(name, m.group(2));
        if (end != null && start.isAfter(end)) {
            throw error(30840, "Start date should be before end date", name, value);
        }
        if (start.isAfter(now) || (end != null && end.isAfter(now))) {
            throw error(30850, "Start and end dates can't be in the future", name, value);
        }
        return o -> !field.apply(o).isBefore(start) && (end == null || !field.apply(o).isAfter(end));
    }

    private static Instant instant(String name, String text) {
        try {
            return Instant.parse(text.trim());
        } catch (DateTimeParseException e) {
            throw error(30810, "Invalid date format", name, text);
        }
    }

    /** Splits on commas outside {@code [...]} and {@code {...}}. */
    private static List<String> split(String filter) {
        List<String> parts = new ArrayList<>();
        int depth = 0;
        StringBuilder current = new StringBuilder();
        for (char c : filter.toCharArray()) {
            if (c == '[' || c == '{') {
                depth++;
            } else if (c == ']' || c == '}') {
                depth--;
            }
            if (c == ',' && depth == 0) {
                parts.add(current.toString().trim());
                current.setLength(0);
            } else {
                current.append(c);
            }
        }
        parts.add(current.toString().trim());
        return parts.stream().filter(p -> !p.isEmpty()).toList();
    }

    static EbayException error(long errorId, String message, String parameter, String value) {
        return new EbayException(EbayErrors.badRequest(EbayApi.FULFILLMENT, errorId, message, parameter, value));
    }
}
