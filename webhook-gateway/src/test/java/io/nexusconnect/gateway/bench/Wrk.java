package io.nexusconnect.gateway.bench;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Runs wrk (the Debian package) against the gateway and reads its summary. */
final class Wrk {
    /** Requests with a 2xx answer in the last run (total minus non-2xx), summed over all runs. */
    static long lastTotals;

    record Result(double requestsPerSecond, double p50Millis, double p99Millis, long requests, long non2xx) {
    }

    private Wrk() {
    }

    /**
     * A Lua script posting the same signed Shopify order to the bench connections in turn, each request with a webhook
     * id of its own (the HMAC covers the body only), so every request is verified and published, none collapsed.
     */
    static Path script(Path dir, byte[] body, String hmac, List<String[]> endpoints) throws IOException {
        Path bodyFile = dir.resolve("body.json");
        Files.write(bodyFile, body);
        StringBuilder targets = new StringBuilder();
        for (String[] endpoint : endpoints) {
            targets.append("  {\"").append(endpoint[0]).append("\", \"").append(endpoint[1]).append("\"},\n");
        }
        String lua = """
                local targets = {
                %s}
                local body = io.open("%s", "rb"):read("*a")
                local hmac = "%s"
                local counter = 0
                local delay_ms = 0
                local run = "x"
                local next_tid = 0
                function setup(thread)
                  thread:set("tid", next_tid)
                  next_tid = next_tid + 1
                end
                function init(args)
                  delay_ms = tonumber(args[1] or "0")
                  run = args[2] or "x"
                end
                function delay()
                  return delay_ms
                end
                function request()
                  counter = counter + 1
                  local target = targets[(counter %% #targets) + 1]
                  local headers = {}
                  headers["Content-Type"] = "application/json"
                  headers["X-Shopify-Hmac-Sha256"] = hmac
                  headers["X-Shopify-Shop-Domain"] = target[2]
                  headers["X-Shopify-Topic"] = "orders/create"
                  headers["X-Shopify-API-Version"] = "2025-10"
                  headers["X-Shopify-Webhook-Id"] = run .. "-" .. tid .. "-" .. counter
                  return wrk.format("POST", target[1], headers, body)
                end
                """.formatted(targets, bodyFile.toAbsolutePath(), hmac);
        Path script = dir.resolve("p2.lua");
        Files.writeString(script, lua);
        return script;
    }

    static Result run(String base, Path script, int threads, int connections, Duration duration, int delayMillis)
            throws IOException, InterruptedException {
        Process wrk = new ProcessBuilder("wrk", "-t" + threads, "-c" + connections, "-d" + duration.toSeconds() + "s",
                "--latency", "--timeout", "10s", "-s", script.toString(), base, "--", String.valueOf(delayMillis),
                UUID.randomUUID().toString().substring(0, 8))
                .redirectErrorStream(true).start();
        String output = new String(wrk.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (wrk.waitFor() != 0) {
            throw new IllegalStateException("wrk failed:\n" + output);
        }
        System.out.println(output);
        Result result = new Result(number(output, "Requests/sec:\\s+([\\d.]+)"), millis(output, "50%"), millis(output, "99%"),
                (long) number(output, "(\\d+) requests in"), (long) numberOr(output, "Non-2xx or 3xx responses: (\\d+)", 0));
        lastTotals += result.requests() - result.non2xx();
        return result;
    }

    /**
     * About {@code perSecond} requests a second: 200 connections, each waiting between its requests so that one cycle
     * (wait + answer) lasts 200 connections / rate. With a cycle of 200 ms at 1,000/s, an error in the latency
     * estimate moves the rate little; the wait is calibrated once on a short run and kept at half a cycle or more.
     */
    static Result fixedRate(String base, Path script, int perSecond, Duration probeDuration, Duration duration)
            throws IOException, InterruptedException {
        int connections = 200;
        double cycleMillis = connections * 1000.0 / perSecond;
        int delay = (int) (cycleMillis * 0.9);
        Result probe = run(base, script, 2, connections, probeDuration, delay);
        double observedCycle = connections * 1000.0 / probe.requestsPerSecond();
        delay = (int) Math.max(cycleMillis / 2, Math.min(cycleMillis, Math.round(delay - (observedCycle - cycleMillis))));
        return run(base, script, 2, connections, duration, delay);
    }

    /** Installs wrk with {@code bench/install-wrk.sh} (the Debian package) when it is not on the PATH. */
    static void ensureInstalled() throws IOException, InterruptedException {
        Process install = new ProcessBuilder("bash", Path.of("bench", "install-wrk.sh").toString()).inheritIO().start();
        if (install.waitFor() != 0) {
            throw new IllegalStateException("wrk is missing and bench/install-wrk.sh could not install it");
        }
    }

    private static double millis(String output, String percentile) {
        Matcher m = Pattern.compile("\\s" + Pattern.quote(percentile) + "\\s+([\\d.]+)(us|ms|s)").matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no " + percentile + " latency in wrk output");
        }
        double value = Double.parseDouble(m.group(1));
        return switch (m.group(2)) {
            case "us" -> value / 1000;
            case "s" -> value * 1000;
            default -> value;
        };
    }

    private static double number(String output, String regex) {
        Matcher m = Pattern.compile(regex).matcher(output);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in wrk output");
        }
        return Double.parseDouble(m.group(1));
    }

    private static double numberOr(String output, String regex, double fallback) {
        Matcher m = Pattern.compile(regex).matcher(output);
        return m.find() ? Double.parseDouble(m.group(1)) : fallback;
    }
}
