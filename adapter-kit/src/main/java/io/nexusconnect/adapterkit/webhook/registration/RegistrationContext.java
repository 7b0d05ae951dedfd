package io.nexusconnect.adapterkit.webhook.registration;

import io.nexusconnect.adapterkit.credentials.ConnectionCredentials;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested;

import java.time.Clock;

/**
 * What a {@link WebhookRegistrar} works with: the connection (as of the change that asked for it), its opened
 * credentials (webhook secrets nexus generated among them), the addresses to register and why.
 */
public record RegistrationContext(ConnectionSnapshot connection, ConnectionCredentials credentials,
                                  WebhookCallback callback, WebhookRegistrationRequested.Reason reason, Clock clock) {
}
