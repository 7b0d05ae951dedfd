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
import java.util.logging.Logger;

/**
 * Pushes a marketplace's notifications the way marketplaces do: one POST per subscription, and again after the
 * configured delays while the receiver answers other than 2xx or cannot be reached. Headers are made per attempt
 * (a signature over a fresh timestamp is a new one each time). Every push is kept in {@link #pushes()} for tests.
 */
public final class WebhookPusher implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(WebhookPusher.class.getName());

    /** One notification to one address and what became of it. */
    public static final class Push {
        public final String url;
        public final String topic;
        public final byte[] body;
        private final List<Integer> statuses = new CopyOnWriteArrayList<>();
        private volatile boolean delivered;
        private volatile boolean abandoned;

        Push(String url, String topic, byte[] body) {
            this.url = url;
            this.topic = topic;
            this.body = body;
        }

        /** The status of every attempt, 0 for one that reached no receiver. */
        public List<Integer> statuses() {
            return List.copyOf(statuses);
        }

        public boolean delivered() {
            return delivered;
        }

        /** Every attempt failed: the marketplace gave up. */
        public boolean abandoned() {
            return abandoned;
        }
    }

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final ScheduledExecutorService scheduler = Executors.newSingleThreadScheduledExecutor(r -> {
        Thread thread = new Thread(r, "sim-webhook-pusher");
        thread.setDaemon(true);
        return thread;
    });
    private final List<Duration> retryDelays;
    private final List<Push> pushes = new CopyOnWriteArrayList<>();

    /** @param retryDelays the wait before each retry; its size is the number of retries after the first attempt */
    public WebhookPusher(List<Duration> retryDelays) {
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
        Push push = new Push(url, topic, body);
        pushes.add(push);
        scheduler.execute(() -> attempt(push, headers, onAbandoned, 0));
        return push;
    }

    private void attempt(Push push, Function<URI, Map<String, String>> headers, Runnable onAbandoned, int attempt) {
        URI uri = URI.create(push.url);
        HttpRequest.Builder request = HttpRequest.newBuilder(uri).timeout(Duration.ofSeconds(10))
                .POST(HttpRequest.BodyPublishers.ofByteArray(push.body));
        headers.apply(uri).forEach(request::header);
        http.sendAsync(request.build(), HttpResponse.BodyHandlers.discarding()).whenComplete((response, error) -> {
            int status = error == null ? response.statusCode() : 0;
            push.statuses.add(status);
            if (status >= 200 && status < 300) {
                push.delivered = true;
            } else if (attempt < retryDelays.size()) {
                scheduler.schedule(() -> attempt(push, headers, onAbandoned, attempt + 1),
                        Math.max(1, retryDelays.get(attempt).toMillis()), TimeUnit.MILLISECONDS);
            } else {
                push.abandoned = true;
                onAbandoned.run();
                LOG.info("push of " + push.topic + " abandoned after " + push.statuses.size() + " attempts");
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
