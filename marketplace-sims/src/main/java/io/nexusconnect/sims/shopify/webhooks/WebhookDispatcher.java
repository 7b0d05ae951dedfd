package io.nexusconnect.sims.shopify.webhooks;

import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;

/**
 * Pushes the app's webhooks: one delivery per subscription of the event's topic, an HTTP POST of the JSON body with
 * the headers of https://shopify.dev/docs/apps/build/webhooks/delivery-structure — {@code X-Shopify-Topic},
 * {@code X-Shopify-Hmac-Sha256} (base64 HMAC-SHA256 of the raw body with the app's client secret),
 * {@code X-Shopify-Shop-Domain}, {@code X-Shopify-API-Version} (the subscription's), {@code X-Shopify-Webhook-Id}
 * (one per delivery, repeated by its retries), {@code X-Shopify-Event-Id} (shared by the deliveries of one change),
 * {@code X-Shopify-Triggered-At}. Any answer but 2xx, or none within the timeout, is retried after the next of
 * {@link WebhookSettings#retryDelays} (divided by the speed factor) measured on the simulator's clock, with the
 * original body, to the address the subscription had when the event was triggered; after the last retry the
 * delivery is given up.
 */
public final class WebhookDispatcher implements AutoCloseable {
    private final WebhookSettings settings;
    private final Clock clock;
    private final double speedFactor;
    private final HttpClient http;
    private final List<Delivery> deliveries = new CopyOnWriteArrayList<>();
    private final ConcurrentLinkedQueue<Delivery> retrying = new ConcurrentLinkedQueue<>();
    private final ScheduledExecutorService pump;

    public WebhookDispatcher(WebhookSettings settings, Clock clock, double speedFactor, Duration pumpInterval) {
        this.settings = settings;
        this.clock = clock;
        this.speedFactor = speedFactor <= 0 ? 1 : speedFactor;
        this.http = HttpClient.newBuilder().connectTimeout(settings.timeout()).build();
        this.pump = Executors.newSingleThreadScheduledExecutor(r -> {
            Thread t = new Thread(r, "shopify-sim-webhook-retries");
            t.setDaemon(true);
            return t;
        });
        pump.scheduleWithFixedDelay(this::retryDue, pumpInterval.toMillis(), pumpInterval.toMillis(),
                TimeUnit.MILLISECONDS);
    }

    public enum State { PENDING, DELIVERED, GIVEN_UP }

    /** One delivery of one event to one subscription, with every attempt's answer (0 = no answer). */
    public static final class Delivery {
        private final String webhookId;
        private final String eventId;
        private final SimSubscription subscription;
        private final byte[] body;
        private final Instant triggeredAt;
        private final List<Integer> answers = new CopyOnWriteArrayList<>();
        private volatile State state = State.PENDING;
        private volatile Instant nextAttemptAt;
        private volatile boolean inFlight;

        Delivery(String webhookId, String eventId, SimSubscription subscription, byte[] body, Instant triggeredAt) {
            this.webhookId = webhookId;
            this.eventId = eventId;
            this.subscription = subscription;
            this.body = body;
            this.triggeredAt = triggeredAt;
        }

        public String webhookId() {
            return webhookId;
        }

        public String eventId() {
            return eventId;
        }

        public String topic() {
            return subscription.deliveryTopic();
        }

        public String uri() {
            return subscription.uri();
        }

        public String shopDomain() {
            return subscription.shopDomain();
        }

        public byte[] body() {
            return body.clone();
        }

        public Instant triggeredAt() {
            return triggeredAt;
        }

        public List<Integer> answers() {
            return List.copyOf(answers);
        }

        public State state() {
            return state;
        }

        public Instant nextAttemptAt() {
            return nextAttemptAt;
        }
    }

    /**
     * Delivers one change to every subscription given (those of its topic on its shop, as they are now); the first
     * attempt is sent at once. Answers the deliveries.
     */
    public List<Delivery> trigger(List<SimSubscription> subscriptions, byte[] body) {
        String eventId = UUID.randomUUID().toString();
        Instant now = clock.instant();
        List<Delivery> created = new ArrayList<>();
        for (SimSubscription subscription : subscriptions) {
            Delivery delivery = new Delivery(UUID.randomUUID().toString(), eventId, subscription, body, now);
            deliveries.add(delivery);
            created.add(delivery);
            attempt(delivery);
        }
        return created;
    }

    /** Every delivery so far, oldest first. */
    public List<Delivery> deliveries() {
        return List.copyOf(deliveries);
    }

    /** Sends the retries that are due on the simulator's clock (also run every pump interval). */
    public void retryDue() {
        Instant now = clock.instant();
        for (Delivery delivery : retrying) {
            if (!delivery.inFlight && delivery.state == State.PENDING && !now.isBefore(delivery.nextAttemptAt)) {
                retrying.remove(delivery);
                attempt(delivery);
            }
        }
    }

    private void attempt(Delivery delivery) {
        delivery.inFlight = true;
        HttpRequest request = HttpRequest.newBuilder(URI.create(delivery.uri()))
                .timeout(settings.timeout())
                .header("Content-Type", "application/json")
                .header("User-Agent", "Shopify-Captain-Hook")
                .header("X-Shopify-Topic", delivery.topic())
                .header("X-Shopify-Hmac-Sha256", sign(delivery.body))
                .header("X-Shopify-Shop-Domain", delivery.shopDomain())
                .header("X-Shopify-API-Version", delivery.subscription.apiVersion())
                .header("X-Shopify-Webhook-Id", delivery.webhookId)
                .header("X-Shopify-Event-Id", delivery.eventId)
                .header("X-Shopify-Triggered-At", delivery.triggeredAt.toString())
                .POST(HttpRequest.BodyPublishers.ofByteArray(delivery.body))
                .build();
        http.sendAsync(request, HttpResponse.BodyHandlers.discarding()).whenComplete((response, failure) -> {
            int status = failure == null ? response.statusCode() : 0;
            delivery.answers.add(status);
            if (status >= 200 && status < 300) {
                delivery.state = State.DELIVERED;
            } else {
                int retriesDone = delivery.answers.size() - 1;
                if (retriesDone >= settings.retryDelays().size()) {
                    delivery.state = State.GIVEN_UP;
                } else {
                    Duration wait = settings.retryDelays().get(retriesDone);
                    delivery.nextAttemptAt = clock.instant().plusMillis((long) (wait.toMillis() / speedFactor));
                    retrying.add(delivery);
                }
            }
            delivery.inFlight = false;
        });
    }

    /** base64(HMAC-SHA256(key = the app's client secret, message = the raw body)). */
    public String sign(byte[] body) {
        return sign(settings.clientSecret(), body);
    }

    public static String sign(String secret, byte[] body) {
        try {
            Mac mac = Mac.getInstance("HmacSHA256");
            mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
            return Base64.getEncoder().encodeToString(mac.doFinal(body));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        pump.shutdownNow();
        http.close();
    }
}
