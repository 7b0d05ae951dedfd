package io.nexusconnect.local.process;

import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.function.BooleanSupplier;

/** Waiting for something started in another process to become usable, failing early when that process dies. */
public final class Await {
    private static final Duration POLL = Duration.ofMillis(250);
    private static final HttpClient HTTP = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(2)).build();

    private Await() {
    }

    /**
     * Polls {@code condition} until it holds. Throws with the end of the process's log when the process exits first
     * or the timeout passes.
     *
     * @param process the process whose readiness this is; may be null when nothing can die on us
     */
    public static void until(String what, Duration timeout, ChildProcess process, BooleanSupplier condition) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            if (process != null) {
                process.ensureAlive();
            }
            if (condition.getAsBoolean()) {
                return;
            }
            if (System.nanoTime() > deadline) {
                String log = process == null ? "" : "; last lines of " + process.logFile() + ":\n" + process.logTail(40);
                throw new IllegalStateException(what + " not reached within " + timeout + log);
            }
            try {
                Thread.sleep(POLL);
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
                throw new IllegalStateException("interrupted while waiting for " + what, e);
            }
        }
    }

    /** True when GET {@code url} answers 200; any connection error counts as "not yet". */
    public static boolean httpOk(String url) {
        try {
            HttpRequest request = HttpRequest.newBuilder(URI.create(url)).timeout(Duration.ofSeconds(5)).GET().build();
            return HTTP.send(request, HttpResponse.BodyHandlers.discarding()).statusCode() == 200;
        } catch (IOException e) {
            return false;
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return false;
        }
    }
}
