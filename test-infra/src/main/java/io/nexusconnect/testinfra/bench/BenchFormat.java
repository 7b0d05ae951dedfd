package io.nexusconnect.testinfra.bench;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/** How {@link BenchTable} writes numbers, machine facts and the Markdown table: one place, one style. */
final class BenchFormat {
    private BenchFormat() {
    }

    /** e.g. {@code Intel Xeon … · 2 cores · 23.4 GiB RAM · Ubuntu 24.04 (Linux 6.8.0) · JDK 25.0.1 · commit 988e339}. */
    static String machine(Map<String, Object> machine) {
        List<String> parts = new ArrayList<>();
        add(parts, machine.get("cpuModel"), "%s");
        add(parts, machine.get("cores"), "%s cores");
        if (machine.get("memTotalKiB") instanceof Number kib) {
            parts.add(String.format(Locale.ROOT, "%.1f GiB RAM", kib.doubleValue() / 1024 / 1024));
        }
        Object os = machine.get("os");
        Object kernel = machine.get("kernel");
        add(parts, os == null ? kernel : kernel == null ? os : os + " (" + kernel + ")", "%s");
        add(parts, machine.get("jdk"), "JDK %s");
        Object commit = machine.get("commit");
        add(parts, commit == null ? null : commit + (Boolean.TRUE.equals(machine.get("dirty")) ? " + uncommitted changes" : ""),
                "commit %s");
        Object loadStart = machine.get("loadStart");
        Object loadEnd = machine.get("loadEnd");
        if (loadStart != null || loadEnd != null) {
            parts.add("load average " + (loadStart == null ? "?" : loadStart) + " at start, "
                    + (loadEnd == null ? "?" : loadEnd) + " at end");
        }
        return parts.isEmpty() ? "(no machine facts)" : String.join(" · ", parts);
    }

    /** e.g. {@code started 2026-11-30T12:00:00Z, 3 min 12 s}. */
    static String timing(Map<String, Object> machine) {
        String text = "started " + machine.getOrDefault("startedAt", "?");
        if (machine.get("seconds") instanceof Number seconds) {
            long total = seconds.longValue();
            text += total >= 60 ? String.format(", %d min %d s", total / 60, total % 60) : ", " + total + " s";
        }
        return text;
    }

    private static void add(List<String> parts, Object value, String format) {
        if (value != null && !value.toString().isBlank()) {
            parts.add(String.format(format, value));
        }
    }

    static String count(Long value) {
        return value == null ? "" : String.format(Locale.ROOT, "%,d", value);
    }

    /** Seconds with as many decimals as matter: 0.12, 3.45, 12.3, 456. */
    static String seconds(Double value) {
        return value == null ? "" : number(value);
    }

    static String ratio(Double value) {
        return value == null ? "" : String.format(Locale.ROOT, "%.2f", value);
    }

    /** Integers with thousands separators; other numbers with two significant decimals at most; text as it is. */
    static String value(Object value) {
        if (value instanceof Double || value instanceof Float) {
            double number = ((Number) value).doubleValue();
            return number == Math.rint(number) && Math.abs(number) < 1e15
                    ? String.format(Locale.ROOT, "%,d", (long) number) : number(number);
        }
        if (value instanceof Number number) {
            return String.format(Locale.ROOT, "%,d", number.longValue());
        }
        return String.valueOf(value);
    }

    private static String number(double value) {
        double magnitude = Math.abs(value);
        String format = magnitude >= 100 ? "%,.0f" : magnitude >= 10 ? "%.1f" : "%.2f";
        return String.format(Locale.ROOT, format, value);
    }

    /**
     * The calls per operation (when there is more than one) and the figures, e.g.
     * {@code getOrders 40 · token 1; p99Ms 146, perSecond 123}.
     */
    static String otherFigures(BenchResult result) {
        List<String> operations = new ArrayList<>();
        if (result.calls().size() > 1) {
            new java.util.TreeMap<>(result.calls()).forEach((operation, calls) -> operations.add(operation + " " + value(calls)));
        }
        List<String> figures = new ArrayList<>();
        result.figures().forEach((name, value) -> figures.add(name + " " + value(value)));
        if (operations.isEmpty()) {
            return String.join(", ", figures);
        }
        return String.join(" · ", operations) + (figures.isEmpty() ? "" : "; " + String.join(", ", figures));
    }

    /** e.g. {@code ratio 1.52→1.41 (-7%)}, {@code wall 40.1→40.3 (+0%)}. */
    static String change(String what, double before, double now) {
        String percent = before == 0 ? "" : String.format(Locale.ROOT, " (%+.0f%%)", (now - before) / before * 100);
        String beforeText = what.equals("ratio") ? ratio(before) : number(before);
        String nowText = what.equals("ratio") ? ratio(now) : number(now);
        return what + " " + beforeText + "→" + nowText + percent;
    }

    /** A Markdown table whose columns are padded to one width, so it reads as well in a terminal as on GitHub. */
    static String markdown(List<String> header, List<List<String>> rows) {
        int[] widths = new int[header.size()];
        List<List<String>> all = new ArrayList<>();
        all.add(header);
        rows.forEach(all::add);
        for (List<String> row : all) {
            for (int i = 0; i < widths.length; i++) {
                widths[i] = Math.max(widths[i], Math.max(3, cell(row, i).length()));
            }
        }
        StringBuilder text = new StringBuilder();
        line(text, header, widths);
        StringBuilder rule = new StringBuilder("|");
        for (int width : widths) {
            rule.append('-').append("-".repeat(width)).append("-|");
        }
        text.append(rule).append('\n');
        rows.forEach(row -> line(text, row, widths));
        return text.toString();
    }

    private static void line(StringBuilder text, List<String> row, int[] widths) {
        text.append('|');
        for (int i = 0; i < widths.length; i++) {
            String cell = cell(row, i);
            text.append(' ').append(cell).append(" ".repeat(widths[i] - cell.length())).append(" |");
        }
        text.append('\n');
    }

    /** A cell's text with the characters that would break a Markdown row escaped or flattened. */
    private static String cell(List<String> row, int i) {
        return i < row.size() && row.get(i) != null ? row.get(i).replace("|", "\\|").replace('\n', ' ') : "";
    }
}
