package io.nexusconnect.adapterkit.skeleton;

import io.nexusconnect.adapterkit.webhook.WebhookContext;
import io.nexusconnect.adapterkit.webhook.WebhookHandler;
import io.nexusconnect.adapterkit.webhook.WebhookSink;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.sync.SyncMode;
import jakarta.enterprise.context.ApplicationScoped;

/** The marketplace's pushes only say that offers changed: each asks for an incremental cycle. */
@ApplicationScoped
public class ExampleWebhookHandler implements WebhookHandler {
    @Override
    public Marketplace marketplace() {
        return ExampleSyncCycle.MARKETPLACE;
    }

    @Override
    public void handle(WebhookContext context, WebhookSink sink) {
        sink.requestSync(SyncMode.INCREMENTAL);
    }
}
