package io.nexusconnect.adapterkit.testing;

import io.nexusconnect.adapterkit.credentials.CredentialOpener;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.publish.EventPublisher;
import io.nexusconnect.adapterkit.consumer.RecordHandler;
import io.nexusconnect.contracts.Topics;
import io.nexusconnect.contracts.kafka.EventDecoder;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.testing.ConnectionTestRequested;
import io.nexusconnect.contracts.testing.ConnectionTestResult;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.jboss.logging.Logger;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.TimeUnit;

/**
 * Answers {@code nexus.connection-tests.v1} for one marketplace on {@code nexus.connection-tests.replies.v1}. The
 * request topic is shared by all adapters (each in its own consumer group), so requests for other marketplaces are
 * skipped, and requests past their {@code expiresAt} are not answered: the caller has given up on them.
 */
public final class ConnectionTestHandler implements RecordHandler {
    private static final Logger LOG = Logger.getLogger(ConnectionTestHandler.class);

    private final ConnectionTester tester;
    private final CredentialOpener credentials;
    private final EventPublisher publisher;
    private final Clock clock;
    private final Duration ackTimeout;

    public ConnectionTestHandler(ConnectionTester tester, CredentialOpener credentials, EventPublisher publisher,
                                 Clock clock, Duration ackTimeout) {
        this.tester = tester;
        this.credentials = credentials;
        this.publisher = publisher;
        this.clock = clock;
        this.ackTimeout = ackTimeout;
    }

    @Override
    public void handle(ConsumerRecord<String, String> record) throws Exception {
        ConnectionTestRequested request = EventDecoder.decode(record.value(), record.headers(),
                ConnectionTestRequested.TYPE, ConnectionTestRequested.class);
        if (request.marketplace() != tester.marketplace()) {
            return;
        }
        if (request.expiresAt() != null && clock.instant().isAfter(request.expiresAt())) {
            LOG.infof("connection test %s expired before it was taken; not answered", request.requestId());
            return;
        }
        ConnectionTestResult result = answer(request);
        publisher.publish(Topics.CONNECTION_TEST_REPLIES, result).get(ackTimeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    private ConnectionTestResult answer(ConnectionTestRequested request) {
        Instant now = clock.instant();
        try {
            ConnectionTester.Verdict verdict = tester.test(request.connection(), credentials.open(request.connection()));
            return new ConnectionTestResult(request.requestId(), request.connection().connectionId(), request.marketplace(),
                    true, verdict.marketplaceName(), verdict.sellerName(), null, null, clock.instant());
        } catch (MarketplaceException e) {
            return new ConnectionTestResult(request.requestId(), request.connection().connectionId(), request.marketplace(),
                    false, null, null, e.code(), e.getMessage(), now);
        } catch (RuntimeException e) {
            LOG.errorf(e, "connection test %s failed unexpectedly", request.requestId());
            return new ConnectionTestResult(request.requestId(), request.connection().connectionId(), request.marketplace(),
                    false, null, null, ErrorCode.INTERNAL, "unexpected " + e.getClass().getSimpleName(), now);
        }
    }
}
