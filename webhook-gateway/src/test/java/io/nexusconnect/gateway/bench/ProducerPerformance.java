package io.nexusconnect.gateway.bench;

import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Kafka's own {@code org.apache.kafka.tools.ProducerPerformance} (kafka-tools 4.2.1) in a JVM of its own, with the
 * gateway's producer settings: the bare producer the gateway is measured against.
 */
final class ProducerPerformance {
    static final String TOPIC = "nexus.bench.producer-performance";

    record Result(double recordsPerSecond, double p50Millis, double p99Millis) {
    }

    private ProducerPerformance() {
    }

    /** @param throughput records per second, or -1 for as fast as it goes */
    static Result run(String bootstrap, int recordSize, int records, int throughput) throws Exception {
        Process tool = new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-Xmx512m",
                "-cp", System.getProperty("java.class.path"), "org.apache.kafka.tools.ProducerPerformance",
                "--topic", TOPIC, "--num-records", String.valueOf(records), "--record-size", String.valueOf(recordSize),
                "--throughput", String.valueOf(throughput), "--producer-props", "bootstrap.servers=" + bootstrap, "acks=all",
                "enable.idempotence=true", "linger.ms=2", "compression.type=lz4")
                .redirectErrorStream(true).start();
        String output = new String(tool.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
        if (tool.waitFor() != 0) {
            throw new IllegalStateException("ProducerPerformance failed:\n" + output);
        }
        String last = output.lines().filter(line -> line.contains("records sent") && line.contains("50th")).reduce((a, b) -> b)
                .orElseThrow(() -> new IllegalStateException("no summary from ProducerPerformance:\n" + output));
        System.out.println("ProducerPerformance: " + last);
        return new Result(number(last, "([\\d.]+) records/sec"), number(last, "([\\d.]+) ms 50th"), number(last, "([\\d.]+) ms 99th"));
    }

    private static double number(String line, String regex) {
        Matcher m = Pattern.compile(regex).matcher(line);
        if (!m.find()) {
            throw new IllegalStateException("no match for " + regex + " in: " + line);
        }
        return Double.parseDouble(m.group(1));
    }
}
