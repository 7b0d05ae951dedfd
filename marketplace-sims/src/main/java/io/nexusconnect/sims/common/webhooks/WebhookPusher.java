package io.nexusconnect.sims.common.webhooks;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Function;
import java.util.function.IntFunction;
import java.util.logging.Logger;

/**
 * Pushes a marketplace's notifications the way marketplaces do: one POST per subscription, and again after the
 * configured delays while the receiver answers other than 2xx or cannot be reached. Body and headers are made per
 * attempt (a signature over a fresh timestamp is a new one each time; eBay counts the attempt in the body). Every push
 * is kept in {@link #pushes()} for tests.
 */
public final class WebhookPusher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebhookPusher.class.getName());

    /** What one attempt sends. */
    public record Attempt(byte[] body, Map<String, String> headers) {
    }

    /** One notification to one address and what became of it. */
    public static final class Push {
        public final String url;
        public final String topic;
        /** The first attempt's body. */
        public final byte[] body;
        // one snapshot, replaced whole after each attempt: a reader never sees a status without its verdict
        private volatile Outcome outcome = new Outcome(List.of(), false, false);

        Push(String url, String topic, byte[] body) {
            this.url = url;
            this.topic = topic;
            this.body = body;
        }

        /** The status of every attempt, 0 for one that reached no receiver. */
        public List<Integer> statuses() {
            return outcome.statuses();
        }

        public boolean delivered() {
            return outcome.delivered();
        }

        /** Every attempt failed: the marketplace gave up. */
        public boolean abandoned() {
            return outcome.abandoned();
        }

        /** Statuses and verdict as of one moment. */
        public Outcome outcome() {
            return outcome;
        }
    }

    /** The attempts' statuses so far (0: no receiver reached), and whether one was delivered or all failed. */
    public record Outcome(List<Integer> statuses, boolean delivered, boolean abandoned) {
        public Outcome {
            statuses = List.copyOf(statuses);
        }

        Outcome after(int status, boolean lastAttempt) {
            List<Integer> all = new ArrayList<>(statuses);
            all.add(status);
            boolean ok = status >= 200 && status < 300;
            return new Outcome(all, ok, !ok && lastAttempt);
        }

        /** The last attempt's status; 0 before the first. */
        public int lastStatus() {
            return statuses.isEmpty() ? 0 : statuses.getLast();
        }
    }

    private final HttpClient http;
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sim-webhook-pusher");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Duration> retryDelays;
    private final List<Push> pushes = new CopyOnWriteArrayList<>();

    /** @param retryDelays the wait before each retry; its size is the number of retries after the first attempt */
    public WebhookPusher(List<Duration> retryDelays) {
        this(HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build(), retryDelays);
    }

    /** Pushes over {@code http} (shared with the simulator's other outgoing calls). */
    public WebhookPusher(HttpClient http, List<Duration> retryDelays) {
        this.http = http;
        this.retryDelays = List.copyOf(retryDelays);
    }

    /**
     * Pushes {@code body} to {@code url} in the background.
     *
     * @param headers the headers of one attempt, given the URI it goes to
     */
    public Push push(String url, String topic, byte[] body, Function<URI, Map<String, String>> headers) {
        return push(url, topic, body, headers, () -> { });
    }

    /** As {@link #push(String, String, byte[], Function)}, running {@code onAbandoned} when every attempt failed. */
    public Push push(String url, String topic, byte[] body, Function<URI, Map<String, String>> headers,
                     Runnable onAbandoned) {
        URI uri = URI.create(url);
        return push(url, topic, attempt -> new Attempt(body, headers.apply(uri)), onAbandoned);
    }

    /** Pushes what {@code attempts} makes for each attempt (numbered from 1) in the background. */
    public Push push(String url, String topic, IntFunction<Attempt> attempts, Runnable onAbandoned) {
        Attempt first = attempts.apply(1);
        Push push = new Push(url, topic, first.body());
        pushes.add(push);
        scheduler.execute(() -> attempt(push, first, attempts, onAbandoned, 1));
        return push;
    }

    private void attempt(Push push, Attempt sent, IntFunction<Attempt> attempts, Runnable onAbandoned, int number) {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(push.url)).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(sent.body()));
        sent.headers().forEach(request::header);
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            int status = error == null ? response.statusCode() : 0;
            boolean last = number > retryDelays.size();
            push.outcome = push.outcome.after(status, last);
            if (push.outcome.delivered()) {
                return;
            }
            if (!last) {
                scheduler.schedule(() -> attempt(push, attempts.apply(number + 1), attempts, onAbandoned, number + 1),
                        Math.max(1, retryDelays.get(number - 1).toMillis()), TimeUnit.MILLISECONDS);
            } else {
                onAbandoned.run();
                LOG.info("push of " + push.topic + " abandoned after " + number + " attempts");
            }
        });
    }

    public List<Push> pushes() {
        return new ArrayList<>(pushes);
    }

    @Override
    public void close() {
        scheduler.shutdownNow();
    }
}
