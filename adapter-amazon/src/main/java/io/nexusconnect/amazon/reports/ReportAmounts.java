package io.nexusconnect.amazon.reports;

import java.math.BigDecimal;
import java.util.regex.Pattern;

/**
 * Amounts in report cells. The order tracking report prints plain decimals ("12.34"); marketplaces that write a
 * decimal comma ("12,34") or group thousands ("1,234.56", "1.234,56") are read too (<b>decision</b>, BEHAVIOR.md:
 * the last separator followed by one or two digits is the decimal one). An empty cell is no amount. Pure.
 */
final class ReportAmounts {
    private static final Pattern NUMBER = Pattern.compile("-?\\d+(\\.\\d+)?");

    private ReportAmounts() {
    }

    /** The amount as a plain decimal string, or null for an empty cell. */
    static String parse(String cell) {
        String value = cell == null ? "" : cell.trim();
        if (value.isEmpty()) {
            return null;
        }
        int comma = value.lastIndexOf(',');
        int dot = value.lastIndexOf('.');
        int decimal = Math.max(comma, dot);
        String normalized;
        if (decimal >= 0 && value.length() - decimal - 1 <= 2 && value.length() - decimal - 1 >= 1) {
            normalized = value.substring(0, decimal).replace(",", "").replace(".", "") + "." + value.substring(decimal + 1);
        } else {
            normalized = value.replace(",", "");
        }
        if (!NUMBER.matcher(normalized).matches()) {
            throw new IllegalArgumentException("'" + cell + "' is not an amount");
        }
        return new BigDecimal(normalized).toPlainString();
    }
}
