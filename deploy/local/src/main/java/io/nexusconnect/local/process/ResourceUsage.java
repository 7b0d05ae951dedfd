package io.nexusconnect.local.process;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The memory the stack's processes hold, read from {@code /proc}: {@code VmRSS} of {@code /proc/<pid>/status} (what
 * {@code ps} and {@code top} show; pages shared between processes, such as a CDS archive mapped by several JVMs, count
 * in each) and {@code Pss} of {@code /proc/<pid>/smaps_rollup} (shared pages split between their users: what the
 * processes really take together).
 */
public final class ResourceUsage {
    private ResourceUsage() {
    }

    /** One process tree's memory, in KiB, and the CPU time its processes have used so far. */
    public record Usage(String name, int processes, long rssKiB, long pssKiB, double cpuSeconds) {
    }

    /** The whole stack: every named tree and their sum. */
    public record Report(List<Usage> parts) {
        public long rssKiB() {
            return parts.stream().mapToLong(Usage::rssKiB).sum();
        }

        public long pssKiB() {
            return parts.stream().mapToLong(Usage::pssKiB).sum();
        }

        /** CPU seconds used, user and system, by every process (and the children they waited for). */
        public double cpuSeconds() {
            return parts.stream().mapToDouble(Usage::cpuSeconds).sum();
        }

        public int processes() {
            return parts.stream().mapToInt(Usage::processes).sum();
        }

        /** e.g. {@code "RSS 2.31 GiB (PSS 1.98 GiB) in 14 processes, 95 CPU s"}. */
        public String summary() {
            return String.format("RSS %s (PSS %s) in %d processes, %.0f CPU s used", gib(rssKiB()), gib(pssKiB()),
                    processes(), cpuSeconds());
        }

        /** Each part's RSS in MiB, largest first. */
        public String breakdown() {
            StringBuilder text = new StringBuilder();
            parts.stream().sorted((a, b) -> Long.compare(b.rssKiB(), a.rssKiB())).forEach(part -> text
                    .append(text.isEmpty() ? "" : ", ").append(part.name()).append(' ').append(part.rssKiB() / 1024));
            return text.append(" (MiB RSS)").toString();
        }
    }

    /**
     * Measures each named root process together with its descendants (a process met twice counts once).
     *
     * @param roots name to pid; the launcher itself is {@code ProcessHandle.current().pid()}
     */
    public static Report measure(Map<String, Long> roots) {
        List<Long> seen = new ArrayList<>();
        List<Usage> parts = new ArrayList<>();
        for (Map.Entry<String, Long> root : new LinkedHashMap<>(roots).entrySet()) {
            Optional<ProcessHandle> handle = ProcessHandle.of(root.getValue());
            if (handle.isEmpty()) {
                continue;
            }
            List<Long> tree = new ArrayList<>();
            tree.add(root.getValue());
            handle.get().descendants().map(ProcessHandle::pid).forEach(tree::add);
            int processes = 0;
            long rss = 0;
            long pss = 0;
            double cpu = 0;
            for (long pid : tree) {
                if (seen.contains(pid) || roots.containsValue(pid) && pid != root.getValue()) {
                    continue;
                }
                seen.add(pid);
                long processRss = kib(Path.of("/proc", String.valueOf(pid), "status"), "VmRSS:");
                if (processRss > 0) {
                    processes++;
                    rss += processRss;
                    pss += kib(Path.of("/proc", String.valueOf(pid), "smaps_rollup"), "Pss:");
                    cpu += cpuSeconds(pid);
                }
            }
            parts.add(new Usage(root.getKey(), processes, rss, pss, cpu));
        }
        return new Report(List.copyOf(parts));
    }

    /** The pid PostgreSQL wrote into its data directory, if it runs (it is not our child: pg_ctl daemonizes it). */
    public static Optional<Long> postmasterPid(Path dataDir) {
        try {
            List<String> lines = Files.readAllLines(dataDir.resolve("postmaster.pid"));
            return lines.isEmpty() ? Optional.empty() : Optional.of(Long.parseLong(lines.getFirst().trim()));
        } catch (IOException | NumberFormatException e) {
            return Optional.empty();
        }
    }

    /**
     * utime + stime + cutime + cstime of {@code /proc/<pid>/stat}, in seconds (USER_HZ is 100 on Linux). The fields
     * are counted after the command name, which may itself hold spaces and parentheses.
     */
    private static double cpuSeconds(long pid) {
        try {
            String stat = Files.readString(Path.of("/proc", String.valueOf(pid), "stat"));
            String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
            long ticks = 0;
            for (int field = 11; field <= 14; field++) {
                ticks += Long.parseLong(fields[field]);
            }
            return ticks / 100.0;
        } catch (IOException | RuntimeException e) {
            return 0; // the process ended while we read it
        }
    }

    /** The value in kB of the first line starting with {@code field}; 0 when the process is gone. */
    private static long kib(Path file, String field) {
        try {
            for (String line : Files.readAllLines(file)) {
                if (line.startsWith(field)) {
                    return Long.parseLong(line.substring(field.length()).trim().split("\\s+")[0]);
                }
            }
        } catch (IOException | NumberFormatException e) {
            // the process ended while we read it, or /proc is not Linux's: it takes nothing
        }
        return 0;
    }

    static String gib(long kib) {
        return String.format("%.2f GiB", kib / 1024.0 / 1024.0);
    }
}
