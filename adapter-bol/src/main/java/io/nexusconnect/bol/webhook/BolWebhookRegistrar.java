package io.nexusconnect.bol.webhook;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.nexusconnect.adapterkit.errors.MarketplaceException;
import io.nexusconnect.adapterkit.webhook.registration.RegistrationContext;
import io.nexusconnect.adapterkit.webhook.registration.WebhookCallback;
import io.nexusconnect.adapterkit.webhook.registration.WebhookRegistrar;
import io.nexusconnect.bol.client.BolAccount;
import io.nexusconnect.bol.client.BolApiClient;
import io.nexusconnect.bol.config.BolConfig;
import io.nexusconnect.bol.process.ProcessStatus;
import io.nexusconnect.bol.process.ProcessStatusPoller;
import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.kafka.Json;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import jakarta.enterprise.context.ApplicationScoped;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The connection's push subscription through the Retailer API v10 ({@code /retailer/subscriptions}, retailer.json):
 * one enabled WEBHOOK subscription of the configured resources at the tokened address
 * {@link WebhookCallback#url(io.nexusconnect.adapterkit.credentials.Secret)} (the gateway checks the path token: bol's
 * signature header is not documented well enough to verify, webhook-gateway BEHAVIOR.md). Subscriptions of ours at
 * another address (a rotated token) are deleted, one that bol disabled after failed deliveries, or with other
 * resources, is put back, a missing one created. Every write is asynchronous at bol: the registrar waits for the
 * process statuses and fails with bol's error message when one fails.
 */
@ApplicationScoped
public class BolWebhookRegistrar implements WebhookRegistrar {
    private final BolApiClient api;
    private final ProcessStatusPoller poller;
    private final BolConfig config;

    BolWebhookRegistrar(BolApiClient api, ProcessStatusPoller poller, BolConfig config) {
        this.api = api;
        this.poller = poller;
        this.config = config;
    }

    @Override
    public Marketplace marketplace() {
        return Marketplace.BOL;
    }

    @Override
    public List<WebhookEndpoints.Endpoint> register(RegistrationContext context) {
        BolAccount account = BolAccount.of(context.connection(), context.credentials());
        WebhookCallback callback = context.callback();
        String address = callback.url(context.credentials().require("webhookToken"));
        Set<String> wanted = Set.copyOf(config.webhooks().resources());
        String request = request(address);
        List<ProcessStatus> writes = new ArrayList<>();
        boolean kept = false;
        for (JsonNode subscription : ours(account, callback)) {
            String id = subscription.path("id").asText();
            boolean current = !kept && subscription.path("url").asText().equals(address)
                    && "WEBHOOK".equals(subscription.path("subscriptionType").asText());
            if (!current) {
                writes.add(started(api.deleteSubscription(account, id).json()));
                continue;
            }
            kept = true;
            Set<String> resources = new HashSet<>();
            subscription.path("resources").forEach(r -> resources.add(r.asText()));
            if (!subscription.path("enabled").asBoolean(true) || !resources.equals(wanted)) {
                writes.add(started(api.putSubscription(account, id, request).json()));
            }
        }
        if (!kept) {
            writes.add(started(api.postSubscription(account, request).json()));
        }
        settle(account, writes);
        List<WebhookEndpoints.Endpoint> endpoints = new ArrayList<>();
        for (JsonNode subscription : ours(account, callback)) {
            List<String> resources = new ArrayList<>();
            subscription.path("resources").forEach(r -> resources.add(r.asText()));
            endpoints.add(new WebhookEndpoints.Endpoint(String.join(",", resources),
                    callback.masked(subscription.path("url").asText()), subscription.path("id").asText(null),
                    subscription.path("enabled").asBoolean(true) ? "enabled" : "disabled"));
        }
        return endpoints;
    }

    @Override
    public void unregister(RegistrationContext context) {
        BolAccount account = BolAccount.of(context.connection(), context.credentials());
        List<ProcessStatus> writes = new ArrayList<>();
        for (JsonNode subscription : ours(account, context.callback())) {
            writes.add(started(api.deleteSubscription(account, subscription.path("id").asText()).json()));
        }
        settle(account, writes);
    }

    private String request(String address) {
        ObjectNode body = Json.mapper().createObjectNode();
        config.webhooks().resources().forEach(body.putArray("resources")::add);
        return body.put("url", address).put("subscriptionType", "WEBHOOK").put("enabled", true).toString();
    }

    private List<JsonNode> ours(BolAccount account, WebhookCallback callback) {
        List<JsonNode> ours = new ArrayList<>();
        for (JsonNode subscription : api.getSubscriptions(account).json().path("subscriptions")) {
            if (callback.isOurs(subscription.path("url").asText(null))) {
                ours.add(subscription);
            }
        }
        return ours;
    }

    private static ProcessStatus started(JsonNode status) {
        return ProcessStatus.of(status);
    }

    /** Waits for bol to apply the writes; a failed or unconfirmed one fails the registration. */
    private void settle(BolAccount account, List<ProcessStatus> writes) {
        if (writes.isEmpty()) {
            return;
        }
        for (Map.Entry<String, ProcessStatus> done : poller.await(account, writes).entrySet()) {
            ProcessStatus status = done.getValue();
            if (status.state() == ProcessStatus.State.FAILURE) {
                throw new MarketplaceException(ErrorCode.INTERNAL, "bol refused " + status.eventType() + ": "
                        + status.errorMessage());
            }
            if (status.state() != ProcessStatus.State.SUCCESS) {
                throw new MarketplaceException(ErrorCode.MARKETPLACE_UNAVAILABLE, "bol did not confirm "
                        + status.eventType() + " (" + status.state() + ")");
            }
        }
    }
}
