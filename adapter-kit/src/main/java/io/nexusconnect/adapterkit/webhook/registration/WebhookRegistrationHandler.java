package io.nexusconnect.adapterkit.webhook.registration;

import io.nexusconnect.adapterkit.consumer.RecordHandler;
import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.EventDecoder;
import io.nexusconnect.contracts.kafka.TransientFailureException;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested.Action;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * Carries out {@code nexus.webhook-registrations.v1} for one marketplace and answers on the compacted
 * {@code nexus.webhook-endpoints.v1}. The request topic is shared by the adapters (each in its own consumer group), so
 * other marketplaces' requests are skipped. A marketplace that is away is retried in order (a later request of the
 * same connection never overtakes an earlier one); a refusal is answered {@code failed} with its code and message.
 */
public final class WebhookRegistrationHandler implements RecordHandler {
    private static final Logger LOG = Logger.getLogger(WebhookRegistrationHandler.class);

    private final WebhookRegistrar registrar;
    private final String publicBaseUrl;
    private final CredentialOpener credentials;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration ackTimeout;

    /** @param publicBaseUrl {@code nexus.webhooks.public-base-url}; without one every request is answered failed */
    public WebhookRegistrationHandler(WebhookRegistrar registrar, String publicBaseUrl, CredentialOpener credentials,
                                      EventPublisher publisher, Clock clock, Duration ackTimeout) {
        this.registrar = registrar;
        this.publicBaseUrl = publicBaseUrl;
        this.credentials = credentials;
        this.publisher = publisher;
        this.clock = clock;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) throws Exception {
        WebhookRegistrationRequested request = EventDecoder.decode(record.value(), record.headers(),
                WebhookRegistrationRequested.TYPE, WebhookRegistrationRequested.class);
        if (request.marketplace() != registrar.marketplace()) {
            return;
        }
        WebhookEndpoints answer = carryOut(request);
        publisher.publish(Topics.WEBHOOK_ENDPOINTS, answer).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
        LOG.infof("webhooks of connection %s: %s (%s, %d endpoints)", request.connectionId(), answer.state().json(),
                request.reason().json(), answer.endpoints().size());
    }

    private WebhookEndpoints carryOut(WebhookRegistrationRequested request) {
        if (publicBaseUrl == null || publicBaseUrl.isBlank()) {
            return failed(request, ErrorCode.INTERNAL,
                    "nexus.webhooks.public-base-url is not configured: no address to register webhooks at");
        }
        try {
            RegistrationContext context = new RegistrationContext(request.connection(),
                    credentials.open(request.connection()),
                    new WebhookCallback(publicBaseUrl, request.marketplace(), request.connectionId()),
                    request.reason(), clock);
            if (request.action() == Action.UNREGISTER) {
                registrar.unregister(context);
                return answer(request, WebhookEndpoints.State.UNREGISTERED, List.of(), null, null);
            }
            return answer(request, WebhookEndpoints.State.REGISTERED, registrar.register(context), null, null);
        } catch (MarketplaceException e) {
            if (e.isTransient()) {
                throw new TransientFailureException("webhook registration of connection " + request.connectionId()
                        + ": " + e.code().json() + ": " + e.getMessage(), e);
            }
            return failed(request, e.code(), e.getMessage());
        } catch (RuntimeException e) {
            throw e;
        } catch (Exception e) {
            throw new IllegalStateException("webhook registration of connection " + request.connectionId()
                    + " failed: " + e.getClass().getSimpleName(), e);
        }
    }

    private WebhookEndpoints failed(WebhookRegistrationRequested request, ErrorCode code, String message) {
        return answer(request, WebhookEndpoints.State.FAILED, List.of(), code, message);
    }

    private WebhookEndpoints answer(WebhookRegistrationRequested request, WebhookEndpoints.State state,
                                    List<WebhookEndpoints.Endpoint> endpoints, ErrorCode code, String message) {
        return new WebhookEndpoints(request.connectionId(), request.tenantId(), request.marketplace(),
                request.requestId(), state, endpoints, code, message, clock.instant());
    }
}
