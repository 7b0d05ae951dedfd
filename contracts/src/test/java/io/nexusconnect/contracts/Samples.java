package io.nexusconnect.contracts;

import io.nexusconnect.contracts.alert.Alert;
import java.time.Duration;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.connection.SyncWindow;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.Money;
import io.nexusconnect.contracts.normalized.Order;
import io.nexusconnect.contracts.normalized.OrderLine;
import io.nexusconnect.contracts.normalized.OrderStatus;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.contracts.security.SealedSecret;
import io.nexusconnect.contracts.status.ConnectionStatus;
import io.nexusconnect.contracts.status.ConnectionStatusChanged;
import io.nexusconnect.contracts.status.Health;
import io.nexusconnect.contracts.status.StatusError;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.stock.StockLevel;
import io.nexusconnect.contracts.sync.ErrorCode;
import io.nexusconnect.contracts.sync.RecordCounts;
import io.nexusconnect.contracts.sync.SyncCompleted;
import io.nexusconnect.contracts.sync.SyncError;
import io.nexusconnect.contracts.sync.SyncMode;
import io.nexusconnect.contracts.sync.SyncNowRequested;
import io.nexusconnect.contracts.sync.SyncOutcome;
import io.nexusconnect.contracts.sync.SyncProgress;
import io.nexusconnect.contracts.sync.SyncRequested;
import io.nexusconnect.contracts.sync.SyncScope;
import io.nexusconnect.contracts.sync.SyncStarted;
import io.nexusconnect.contracts.sync.SyncTrigger;
import io.nexusconnect.contracts.testing.ConnectionTestRequested;
import io.nexusconnect.contracts.testing.ConnectionTestResult;
import io.nexusconnect.contracts.webhook.WebhookEndpoints;
import io.nexusconnect.contracts.webhook.WebhookReceived;
import io.nexusconnect.contracts.webhook.WebhookRegistrationRequested;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** One fully populated instance of every event, so a field added without its schema fails the contract test. */
final class Samples {
    static final UUID CONNECTION = UUID.fromString("5d0c5a4e-2f7e-4d4b-9d7a-3c1f2f0b9e11");
    static final UUID SYNC = UUID.fromString("0b9f1c3a-6f6e-4c55-8f0e-8a2d7c1e4b22");
    static final Instant T = Instant.parse("2026-11-22T10:15:30Z");
    static final Money USD = new Money("19.99", "USD");

    private Samples() {
    }

    static ConnectionSnapshot snapshot() {
        return new ConnectionSnapshot(CONNECTION, "tenant-a", Marketplace.AMAZON, "A3NEXUSDEMO01", "US store",
                Map.of("region", "NA", "marketplaceIds", "ATVPDKIKX0DER"), ConnectionState.ACTIVE,
                new ConnectionSettings(SyncInterval.FIFTEEN_MINUTES, new SyncWindow(LocalTime.of(8, 0), LocalTime.of(18, 30), "Europe/Berlin"),
                        OrderLookback.NINETY_DAYS, 10, true, "EUR"),
                new TenantPolicy(SyncInterval.FOUR_HOURS, 5, Duration.ofSeconds(30), Duration.ofMinutes(30), Duration.ofDays(30), 20),
                new SealedSecret("k1", SealedSecret.AES_256_GCM, "AAAAAAAAAAAAAAAA", "c2VhbGVk"), 3, T);
    }

    static List<NexusEvent> all() {
        SyncError error = SyncError.of(ErrorCode.RATE_LIMITED, "QuotaExceeded", 429, "{\"errors\":[]}", "req-1");
        StatusError statusError = StatusError.of(ErrorCode.TOKEN_EXPIRED, "The access token you provided has expired.");
        OrderLine line = new OrderLine("53412343", "SKU-1", "B00TEST", "Mug", 2, 1, USD, new Money("39.98", "USD"),
                new Money("3.20", "USD"), new Money("4.99", "USD"), new Money("-1.00", "USD"));
        return List.of(
                snapshot(),
                new SyncRequested(SYNC, CONNECTION, "tenant-a", Marketplace.AMAZON, Set.of(SyncScope.ORDERS, SyncScope.PRODUCTS),
                        SyncMode.INCREMENTAL, Map.of("orders.lastUpdatedAfter", T.toString()), OrderLookback.THIRTY_DAYS,
                        SyncTrigger.SCHEDULE, 1, T, snapshot()),
                new SyncStarted(SYNC, CONNECTION, "tenant-a", Marketplace.AMAZON, SyncTrigger.MANUAL, Set.of(SyncScope.INVENTORY), 2, T),
                new SyncProgress(SYNC, CONNECTION, "tenant-a", Marketplace.AMAZON, SyncScope.ORDERS, new RecordCounts(1, 2, 3), T),
                new SyncCompleted(SYNC, CONNECTION, "tenant-a", Marketplace.AMAZON, SyncTrigger.RETRY, 2, SyncOutcome.FAILED, T, T,
                        new RecordCounts(1, 2, 3), Map.of("orders.lastUpdatedAfter", T.toString()), error, T),
                new SyncNowRequested(UUID.randomUUID(), CONNECTION, "tenant-a", SyncTrigger.MANUAL, SyncMode.FULL, T),
                new ConnectionStatusChanged(CONNECTION, "tenant-a", Marketplace.AMAZON, ConnectionStatus.ERROR, statusError,
                        Health.DEGRADED, T, SYNC, T, T, T),
                new Order(CONNECTION, "tenant-a", Marketplace.AMAZON, "902-3159896-1390916", "902-3159896-1390916",
                        OrderStatus.PARTIALLY_SHIPPED, "PartiallyShipped", T, T, new Money("44.97", "USD"), "ATVPDKIKX0DER",
                        "MFN", List.of(line), SYNC, T),
                new Product(CONNECTION, "tenant-a", Marketplace.AMAZON, "SKU-1", "SKU-1", "B00TEST", "Mug", "HOME",
                        List.of("BUYABLE"), "ATVPDKIKX0DER", USD, T, T, SYNC, T,
                        new ListingHealth(ListingHealth.Verdict.SUPPRESSED, List.of(new ListingHealth.Issue("90220",
                                ListingHealth.Severity.ERROR, "'item_name' is required but not supplied.")))),
                new Product(CONNECTION, "tenant-a", Marketplace.EBAY, "SKU-9", "SKU-9", null, "Plate", null,
                        null, null, null, null, null, SYNC, T),
                new InventoryLevel(CONNECTION, "tenant-a", Marketplace.AMAZON, "SKU-1", 7, "DEFAULT", SYNC, T,
                        List.of(new InventoryLevel.ChannelQuantity("DEFAULT", 7),
                                new InventoryLevel.ChannelQuantity("AMAZON_NA", 40))),
                new InventoryLevel(CONNECTION, "tenant-a", Marketplace.EBAY, "SKU-2", 3, null, SYNC, T),
                new StockLevel("tenant-a", "SKU-1", 12, T),
                new SetStock(UUID.randomUUID(), CONNECTION, "tenant-a", Marketplace.AMAZON,
                        List.of(new SetStock.Item("SKU-1", 10, 12, 10)), T, snapshot()),
                new ConnectionTestRequested(UUID.randomUUID(), Marketplace.AMAZON, snapshot(), T, T),
                new ConnectionTestResult(UUID.randomUUID(), CONNECTION, Marketplace.AMAZON, false, "Amazon US", "Nexus Demo Store",
                        ErrorCode.INVALID_CREDENTIALS, "Client authentication failed", T),
                new Alert(UUID.randomUUID(), CONNECTION, "tenant-a", Marketplace.AMAZON, Alert.Kind.ERROR, statusError, T),
                WebhookReceived.of(UUID.randomUUID(), Marketplace.SHOPIFY, CONNECTION, "tenant-a", "orders/create",
                        "b54557e4-bdd9-4b37-8a5f-bf7d70bcd043", T,
                        Map.of("x-shopify-shop-domain", "nexus-demo.myshopify.com", "x-shopify-topic", "orders/create"),
                        "application/json", "{\"id\":820982911946154508}".getBytes(java.nio.charset.StandardCharsets.UTF_8),
                        "shopify-hmac-sha256", false).withConnection(snapshot()),
                new WebhookRegistrationRequested(UUID.randomUUID(), CONNECTION, "tenant-a", Marketplace.SHOPIFY,
                        WebhookRegistrationRequested.Action.REGISTER, WebhookRegistrationRequested.Reason.SECRET_ROTATED,
                        snapshot(), T),
                new WebhookEndpoints(CONNECTION, "tenant-a", Marketplace.SHOPIFY, UUID.randomUUID(),
                        WebhookEndpoints.State.REGISTERED,
                        List.of(new WebhookEndpoints.Endpoint("ORDERS_CREATE",
                                "https://nexus.example.com/api/webhooks/shopify/" + CONNECTION,
                                "gid://shopify/WebhookSubscription/4759306", "ENABLED")), null, null, T),
                new WebhookEndpoints(CONNECTION, "tenant-a", Marketplace.KAUFLAND, UUID.randomUUID(),
                        WebhookEndpoints.State.FAILED, List.of(), ErrorCode.INVALID_CREDENTIALS,
                        "Kaufland refused the signature", T));
    }
}
