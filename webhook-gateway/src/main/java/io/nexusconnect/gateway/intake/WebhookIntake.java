package io.nexusconnect.gateway.intake;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.gateway.connections.ConnectionView;
import io.nexusconnect.gateway.connections.GatewayConnection;
import io.nexusconnect.gateway.dedupe.DuplicateWindow;
import io.nexusconnect.gateway.publish.WebhookPublisher;
import io.nexusconnect.gateway.ratelimit.RateLimiter;
import io.nexusconnect.gateway.request.WebhookRequest;
import io.nexusconnect.gateway.verify.Verdict;
import io.nexusconnect.gateway.verify.VerificationUnavailable;
import io.nexusconnect.gateway.verify.WebhookVerifier;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;

/**
 * One delivery from the wire to the topic: route to the connection, rate-limit, verify, collapse duplicates,
 * publish and wait for the broker. Nothing is answered 2xx before the record is durable; nothing is published for a
 * delivery that is refused. Called on a virtual thread: waiting for the broker blocks only that thread.
 */
public final class WebhookIntake {
    private static final Logger LOG = Logger.getLogger(WebhookIntake.class);

    private final ConnectionView connections;
    private final Map<Marketplace, WebhookVerifier> verifiers;
    private final RateLimiter rateLimiter;
    private final DuplicateWindow duplicates;
    private final WebhookPublisher publisher;
    private final Clock clock;
    private final Duration publishTimeout;
    private final Map<String, CompletableFuture<Void>> inFlight = new ConcurrentHashMap<>();

    public WebhookIntake(ConnectionView connections, Map<Marketplace, WebhookVerifier> verifiers, RateLimiter rateLimiter,
                         DuplicateWindow duplicates, WebhookPublisher publisher, Clock clock, Duration publishTimeout) {
        this.connections = connections;
        this.verifiers = Map.copyOf(verifiers);
        this.rateLimiter = rateLimiter;
        this.duplicates = duplicates;
        this.publisher = publisher;
        this.clock = clock;
        this.publishTimeout = publishTimeout;
    }

    /** The connection a request addresses, if it exists and belongs to the marketplace in the path. */
    public Optional<GatewayConnection> connectionFor(Marketplace marketplace, UUID connectionId) {
        return connections.find(connectionId).filter(connection -> connection.marketplace() == marketplace);
    }

    public Optional<WebhookVerifier> verifierFor(Marketplace marketplace) {
        return Optional.ofNullable(verifiers.get(marketplace));
    }

    public IntakeOutcome receive(WebhookRequest request) {
        WebhookVerifier verifier = verifiers.get(request.marketplace());
        Optional<GatewayConnection> found = connectionFor(request.marketplace(), request.connectionId());
        if (verifier == null || found.isEmpty()) {
            return IntakeOutcome.Refused.notFound();
        }
        GatewayConnection connection = found.get();
        // before verification: a flood of forged deliveries must not buy key look-ups at the marketplace either
        if (!rateLimiter.tryAcquire(connection.connectionId())) {
            return new IntakeOutcome.Refused(429, "Too Many Requests", "This endpoint's delivery rate is exceeded.",
                    rateLimiter.retryAfter());
        }
        Verdict verdict;
        try {
            verdict = verifier.verify(request, connection);
        } catch (VerificationUnavailable e) {
            LOG.warnf("%s: cannot verify now: %s", request, e.getMessage());
            return IntakeOutcome.Refused.unavailable("The delivery cannot be verified right now; retry later.");
        }
        return switch (verdict) {
            case Verdict.Rejected rejected -> refuse(request, rejected);
            case Verdict.Verified verified -> accept(request, connection, verified);
        };
    }

    private IntakeOutcome refuse(WebhookRequest request, Verdict.Rejected rejected) {
        LOG.infof("%s refused: %s", request, rejected.reason());
        return switch (rejected.rejection()) {
            case NOT_THIS_CONNECTION -> IntakeOutcome.Refused.notFound();
            case STALE -> IntakeOutcome.Refused.unauthorized("The delivery's signed timestamp is outside the replay window.");
            case UNAUTHENTIC -> IntakeOutcome.Refused.unauthorized("The delivery's signature is missing or does not verify.");
        };
    }

    private IntakeOutcome accept(WebhookRequest request, GatewayConnection connection, Verdict.Verified verified) {
        String dedupeKey = verified.eventId() == null ? null
                : DuplicateWindow.key(request.marketplace().id(), connection.connectionId().toString(), verified.eventId());
        if (dedupeKey != null) {
            switch (duplicates.claim(dedupeKey)) {
                case SEEN -> {
                    return new IntakeOutcome.Duplicate(verified.eventId());
                }
                case IN_FLIGHT -> {
                    return awaitTwin(dedupeKey, verified.eventId());
                }
                case FIRST -> {
                    // publishes below
                }
            }
        }
        Instant receivedAt = clock.instant();
        WebhookReceived event = WebhookReceived.of(UUID.randomUUID(), request.marketplace(), connection.connectionId(),
                connection.tenantId(), verified.topic(), verified.eventId(), receivedAt,
                verified.headers() == null ? Map.of() : verified.headers(), request.contentType(), request.body(),
                verified.scheme(), connection.paused()).withConnection(connection.snapshot());
        CompletableFuture<Void> durable = publisher.publish(event);
        if (dedupeKey != null) {
            inFlight.put(dedupeKey, durable);
            durable.whenComplete((ok, error) -> {
                inFlight.remove(dedupeKey, durable);
                if (error == null) {
                    duplicates.confirm(dedupeKey);
                    publisher.mark(dedupeKey, receivedAt);
                } else {
                    duplicates.release(dedupeKey);
                }
            });
        }
        try {
            durable.get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new IntakeOutcome.Accepted(event.webhookId(), connection.paused());
        } catch (TimeoutException e) {
            LOG.warnf("%s: the broker did not confirm within %s; answered 503", request, publishTimeout);
            return IntakeOutcome.Refused.unavailable("The delivery could not be stored in time; retry later.");
        } catch (ExecutionException e) {
            LOG.warnf("%s: publishing failed (%s); answered 503", request, e.getCause().getClass().getSimpleName());
            return IntakeOutcome.Refused.unavailable("The delivery could not be stored; retry later.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IntakeOutcome.Refused.unavailable("The delivery could not be stored; retry later.");
        }
    }

    /** Another delivery of the same event is being published: its outcome is this one's. */
    private IntakeOutcome awaitTwin(String dedupeKey, String eventId) {
        CompletableFuture<Void> twin = inFlight.get(dedupeKey);
        if (twin == null) {
            // it finished between the claim and now; the window knows how
            return duplicates.isSeen(dedupeKey) ? new IntakeOutcome.Duplicate(eventId)
                    : IntakeOutcome.Refused.unavailable("The delivery could not be stored; retry later.");
        }
        try {
            twin.get(publishTimeout.toMillis(), TimeUnit.MILLISECONDS);
            return new IntakeOutcome.Duplicate(eventId);
        } catch (ExecutionException | TimeoutException e) {
            return IntakeOutcome.Refused.unavailable("The delivery could not be stored; retry later.");
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return IntakeOutcome.Refused.unavailable("The delivery could not be stored; retry later.");
        }
    }
}
