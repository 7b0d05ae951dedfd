package io.nexusconnect.adapterkit.client;

import io.nexusconnect.adapterkit.errors.ErrorClassifier;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.client.WebClientOptions;
import io.vertx.mutiny.core.Vertx;
import io.vertx.mutiny.core.buffer.Buffer;
import io.vertx.mutiny.ext.web.client.HttpRequest;
import io.vertx.mutiny.ext.web.client.HttpResponse;
import io.vertx.mutiny.ext.web.client.WebClient;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.random.RandomGenerator;

/**
 * The marketplace HTTP client every adapter uses (Vert.x Web Client, blocking {@code await} from worker threads):
 * per-(account, operation) token buckets, Retry-After, exponential backoff with full jitter, retries only on 429, 5xx
 * and connection errors, a per-host circuit breaker, and a hook that lets the marketplace's rate header update the
 * bucket. It never follows redirects, so a marketplace answer cannot send a credential-bearing request elsewhere.
 */
public final class MarketplaceHttpClient implements AutoCloseable {
    private static final Logger LOG = Logger.getLogger(MarketplaceHttpClient.class);

    private final WebClient web;
    private final boolean ownsWebClient;
    private final RateLimiter rateLimiter;
    private final RetryPolicy retry;
    private final Backoff backoff;
    private final Clock clock;
    private final Sleeper sleeper;
    private final double speedFactor;
    private final RateHeaderHook rateHeaderHook;
    private final String requestIdHeader;
    private final ErrorClassifier classifier;
    private final int breakerThreshold;
    private final Duration breakerOpenFor;
    private final CallListener listener;
    private final Map<String, CircuitBreaker> breakers = new ConcurrentHashMap<>();

    private MarketplaceHttpClient(Builder b) {
        this.web = b.webClient != null ? b.webClient : WebClient.create(b.vertx, new WebClientOptions()
                .setFollowRedirects(false)
                .setUserAgent(b.userAgent)
                .setConnectTimeout((int) b.retry.requestTimeout().toMillis())
                .setKeepAlive(true)
                .setMaxPoolSize(16)
                .setDecompressionSupported(true));
        this.ownsWebClient = b.webClient == null;
        this.clock = b.clock;
        this.sleeper = b.sleeper;
        this.speedFactor = b.speedFactor;
        this.rateLimiter = new RateLimiter(b.clock, b.speedFactor);
        b.limits.forEach(rateLimiter::register);
        this.retry = b.retry;
        this.backoff = new Backoff(b.retry.baseDelay(), b.retry.maxDelay(), b.random);
        this.rateHeaderHook = b.rateHeaderHook;
        this.requestIdHeader = b.requestIdHeader;
        this.classifier = b.classifier;
        this.breakerThreshold = b.breakerThreshold;
        this.breakerOpenFor = b.breakerOpenFor;
        this.listener = b.listener;
    }

    public static Builder builder(Vertx vertx) {
        return new Builder(vertx);
    }

    public RateLimiter rateLimiter() {
        return rateLimiter;
    }

    public CircuitBreaker breaker(String host) {
        return breakers.computeIfAbsent(host, h -> new CircuitBreaker(breakerThreshold, scaled(breakerOpenFor), clock));
    }

    /**
     * Sends with rate limiting and retries; answers the marketplace's last response, whatever its status. Throws
     * {@link MarketplaceException} only when no response could be had (connection errors, open circuit).
     */
    public MarketplaceResponse send(MarketplaceRequest request) {
        long started = System.nanoTime();
        try {
            MarketplaceResponse response = attempts(request);
            listener.callCompleted(request.operation(), CallListener.Outcome.ofStatus(response.status()),
                    response.attempts(), Duration.ofNanos(System.nanoTime() - started));
            return response;
        } catch (CircuitOpenException open) {
            listener.callCompleted(request.operation(), CallListener.Outcome.CIRCUIT_OPEN, 0,
                    Duration.ofNanos(System.nanoTime() - started));
            throw open;
        } catch (MarketplaceException unreachable) {
            listener.callCompleted(request.operation(), CallListener.Outcome.UNREACHABLE, retry.maxAttempts(),
                    Duration.ofNanos(System.nanoTime() - started));
            throw unreachable;
        }
    }

    /** The circuit refused the call before any attempt. */
    private static final class CircuitOpenException extends MarketplaceException {
        CircuitOpenException(String message, Duration remaining) {
            super(ErrorCode.MARKETPLACE_UNAVAILABLE, message, null, null, null, remaining, null);
        }
    }

    private MarketplaceResponse attempts(MarketplaceRequest request) {
        Duration waited = Duration.ZERO;
        // what the marketplace says (Retry-After) is in real time, and so is the budget for waiting on it
        Duration maxWait = retry.maxTotalWait();
        CircuitBreaker breaker = breaker(request.host());
        for (int attempt = 1; ; attempt++) {
            if (!breaker.tryAcquire()) {
                throw new CircuitOpenException(request.operation() + ": " + request.host()
                        + " failed repeatedly; calls are paused for " + breaker.remainingOpen().toSeconds()
                        + " s (circuit open)", breaker.remainingOpen());
            }
            // waiting for our own bucket is pacing, not retrying: it does not count against maxTotalWait
            Duration paced = pause(rateLimiter.reserve(request.accountKey(), request.operation()));
            if (!paced.isZero()) {
                listener.rateLimiterWaited(request.operation(), paced);
            }
            MarketplaceResponse response;
            try {
                response = sendOnce(request, attempt);
            } catch (RuntimeException connectionError) {
                breaker.onFailure();
                Duration delay = scaled(backoff.delay(attempt));
                if (attempt >= retry.maxAttempts() || waited.plus(delay).compareTo(maxWait) > 0) {
                    throw new MarketplaceException(ErrorCode.MARKETPLACE_UNAVAILABLE, request.operation() + ": "
                            + request.host() + " could not be reached after " + attempt + " attempts ("
                            + describe(connectionError) + ")", null, null, null, null, connectionError);
                }
                LOG.debugf("%s attempt %d failed (%s); retrying in %d ms", request, attempt, describe(connectionError),
                        delay.toMillis());
                waited = waited.plus(pause(delay));
                continue;
            }
            rateHeaderHook.ratePerSecond(response)
                    .ifPresent(rate -> rateLimiter.bucket(request.accountKey(), request.operation())
                            .ifPresent(bucket -> bucket.updateRate(rate)));
            int status = response.status();
            if (status == 429) {
                listener.throttled(request.operation());
                // throttling says nothing about the host's health
                breaker.onNeutral();
                rateLimiter.bucket(request.accountKey(), request.operation()).ifPresent(TokenBucket::drain);
            } else if (status >= 500) {
                breaker.onFailure();
            } else {
                breaker.onSuccess();
                return response;
            }
            int retryNumber = attempt;
            Duration delay = response.retryAfter().orElseGet(() -> scaled(backoff.delay(retryNumber)));
            if (attempt >= retry.maxAttempts() || waited.plus(delay).compareTo(maxWait) > 0) {
                return response;
            }
            LOG.debugf("%s answered %d (request id %s); retry %d in %d ms", request, status,
                    response.requestId().orElse("-"), attempt, delay.toMillis());
            waited = waited.plus(pause(delay));
        }
    }

    /** Sends and answers a 2xx response; anything else is classified by the adapter's {@link ErrorClassifier}. */
    public MarketplaceResponse call(MarketplaceRequest request) {
        return requireSuccess(send(request));
    }

    /** {@code response} when it is a 2xx; otherwise the adapter's {@link ErrorClassifier} classifies it, thrown. */
    public MarketplaceResponse requireSuccess(MarketplaceResponse response) {
        if (!response.isSuccess()) {
            throw classifier.toException(response.operation(), response);
        }
        return response;
    }

    private MarketplaceResponse sendOnce(MarketplaceRequest request, int attempt) {
        // the URL and body are fixed before signing, and exactly these are sent: a signer sees what goes on the wire
        String url = request.fullUrl();
        byte[] body = request.bodyBytes();
        Map<String, String> signature = request.signer().sign(
                new RequestSigner.OutgoingAttempt(request.operation(), request.method(), url, body, attempt), clock);
        HttpRequest<Buffer> http = web.requestAbs(HttpMethod.valueOf(request.method()), url)
                .timeout(timeoutMillis());
        request.headers().forEach(http::putHeader);
        signature.forEach(http::putHeader);
        HttpResponse<Buffer> raw = (request.body() == null ? http.send() : http.sendBuffer(Buffer.buffer(body)))
                .await().atMost(retry.requestTimeout().plusSeconds(5));
        Map<String, List<String>> headers = new LinkedHashMap<>();
        for (String name : raw.headers().names()) {
            headers.put(name, new ArrayList<>(raw.headers().getAll(name)));
        }
        Duration retryAfter = Optional.ofNullable(raw.getHeader("Retry-After"))
                .flatMap(value -> RetryAfter.parse(value, clock))
                .orElse(null);
        return new MarketplaceResponse(request.operation(), raw.statusCode(), headers, raw.bodyAsString(),
                requestIdHeader, retryAfter, attempt);
    }

    private long timeoutMillis() {
        return Math.max(1, retry.requestTimeout().toMillis());
    }

    private Duration pause(Duration duration) {
        if (duration.isZero() || duration.isNegative()) {
            return Duration.ZERO;
        }
        try {
            sleeper.sleep(duration);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new MarketplaceException(ErrorCode.INTERNAL, "interrupted while waiting to call the marketplace");
        }
        return duration;
    }

    /** Our own marketplace-time waits (backoff, circuit) to real time: a simulator running N times faster needs N
     * times shorter ones. What the marketplace tells us (Retry-After, rate headers) is already real time. */
    private Duration scaled(Duration marketplaceTime) {
        return speedFactor == 1.0 ? marketplaceTime : Duration.ofNanos((long) (marketplaceTime.toNanos() / speedFactor));
    }

    private static String describe(Throwable error) {
        Throwable root = error;
        while (root.getCause() != null && root.getCause() != root) {
            root = root.getCause();
        }
        return root.getClass().getSimpleName() + (root.getMessage() == null ? "" : ": " + root.getMessage());
    }

    @Override
    public void close() {
        if (ownsWebClient) {
            web.close();
        }
    }

    public static final class Builder {
        private final Vertx vertx;
        private WebClient webClient;
        private Clock clock = Clock.systemUTC();
        private Sleeper sleeper = Sleeper.SYSTEM;
        private double speedFactor = 1.0;
        private RetryPolicy retry = RetryPolicy.defaults();
        private RandomGenerator random = RandomGenerator.getDefault();
        private RateHeaderHook rateHeaderHook = RateHeaderHook.NONE;
        private String requestIdHeader;
        private ErrorClassifier classifier = ErrorClassifier.byStatus();
        private String userAgent = "nexus-connect/0.1 (Language=Java)";
        private int breakerThreshold = 5;
        private Duration breakerOpenFor = Duration.ofSeconds(30);
        private final List<OperationLimit> limits = new ArrayList<>();
        private CallListener listener = CallListener.NONE;

        private Builder(Vertx vertx) {
            this.vertx = vertx;
        }

        public Builder webClient(WebClient client) {
            this.webClient = client;
            return this;
        }

        public Builder clock(Clock value) {
            this.clock = value;
            return this;
        }

        public Builder sleeper(Sleeper value) {
            this.sleeper = value;
            return this;
        }

        /** How many times faster than real time the marketplace runs (1 in production; the simulator's factor in tests). */
        public Builder speedFactor(double value) {
            if (value <= 0) {
                throw new IllegalArgumentException("speed factor must be > 0");
            }
            this.speedFactor = value;
            return this;
        }

        public Builder retryPolicy(RetryPolicy value) {
            this.retry = value;
            return this;
        }

        public Builder random(RandomGenerator value) {
            this.random = value;
            return this;
        }

        public Builder rateHeaderHook(RateHeaderHook value) {
            this.rateHeaderHook = value;
            return this;
        }

        public Builder requestIdHeader(String value) {
            this.requestIdHeader = value;
            return this;
        }

        public Builder classifier(ErrorClassifier value) {
            this.classifier = value;
            return this;
        }

        public Builder userAgent(String value) {
            this.userAgent = value;
            return this;
        }

        public Builder circuitBreaker(int failureThreshold, Duration openFor) {
            this.breakerThreshold = failureThreshold;
            this.breakerOpenFor = openFor;
            return this;
        }

        public Builder limit(String operation, double ratePerSecond, int burst) {
            limits.add(new OperationLimit(operation, ratePerSecond, burst));
            return this;
        }

        /** Told about every call, 429 and rate-limiter wait (the kit's metrics). */
        public Builder listener(CallListener value) {
            this.listener = value == null ? CallListener.NONE : value;
            return this;
        }

        public MarketplaceHttpClient build() {
            return new MarketplaceHttpClient(this);
        }
    }
}
