package io.nexusconnect.amazon.reports;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the tab-separated order tracking report: a header row naming the columns, then one row per order item.
 * Columns are found by name, so their order and columns added later do not matter; the columns the mapping needs must
 * be there. A row with another number of cells than the header is malformed (a flat file has no quoting, so such a
 * row means the file is broken, and every cell after the break would be misread). Pure: text in, rows out.
 */
public final class OrderReportParser {
    static final Set<String> REQUIRED = Set.of("amazon-order-id", "purchase-date", "last-updated-date", "order-status",
            "sku", "asin", "quantity", "item-price");

    private OrderReportParser() {
    }

    /** One row: its line number in the document (the header is line 1) and its cells by column name. */
    public record Row(int line, Map<String, String> cells) {
        /** The cell, trimmed; empty when the column is absent or the cell empty. */
        public String get(String column) {
            String value = cells.get(column);
            return value == null ? "" : value.trim();
        }
    }

    public static List<Row> parse(String document) {
        String text = document.startsWith("\uFEFF") ? document.substring(1) : document;
        String[] lines = text.split("\r?\n", -1);
        if (lines.length == 0 || lines[0].isBlank()) {
            throw new MalformedReportException("the report has no header row");
        }
        String[] header = lines[0].split("\t", -1);
        for (int i = 0; i < header.length; i++) {
            header[i] = header[i].trim();
        }
        List<String> missing = REQUIRED.stream().filter(c -> !List.of(header).contains(c)).sorted().toList();
        if (!missing.isEmpty()) {
            throw new MalformedReportException("the report lacks the columns " + missing);
        }
        List<Row> rows = new ArrayList<>();
        for (int n = 1; n < lines.length; n++) {
            if (lines[n].isBlank()) {
                continue;
            }
            String[] cells = lines[n].split("\t", -1);
            if (cells.length != header.length) {
                throw new MalformedReportException("row " + (n + 1) + " has " + cells.length + " cells, the header "
                        + header.length);
            }
            Map<String, String> byName = new HashMap<>(header.length * 2);
            for (int i = 0; i < header.length; i++) {
                byName.put(header[i], cells[i]);
            }
            rows.add(new Row(n + 1, byName));
        }
        return rows;
    }
}
