package io.nexusconnect.orchestrator.stock;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.connection.OrderLookback;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.connection.TenantPolicy;
import io.nexusconnect.contracts.stock.SetStock;
import io.nexusconnect.contracts.stock.StockLevel;
import org.junit.jupiter.api.DisplayName;
import org.junit.jupiter.api.Test;

import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

import static org.assertj.core.api.Assertions.assertThat;

/** Quantities per connection, echo suppression, skipping the source, batching. */
class StockFanOutTest {
    private static final Instant T0 = Instant.parse("2026-03-02T08:00:00Z");
    private static final String TENANT = "tenant-a";
    private final StockFanOut fanOut = new StockFanOut();
    private final Map<UUID, ConnectionSnapshot> directory = new HashMap<>();
    private final UUID amazon = connection(Marketplace.AMAZON, 10, ConnectionState.ACTIVE, TENANT);
    private final UUID ebay = connection(Marketplace.EBAY, 0, ConnectionState.ACTIVE, TENANT);
    private final UUID walmart = connection(Marketplace.WALMART, 50, ConnectionState.ACTIVE, TENANT);

    @Test
    @DisplayName("The quantity is available minus the buffer percentage, rounded down, clamped to 0–50 %, never negative")
    void quantities() {
        assertThat(StockFanOut.quantityFor(101, 10)).isEqualTo(90);
        assertThat(StockFanOut.quantityFor(101, 0)).isEqualTo(101);
        assertThat(StockFanOut.quantityFor(101, 50)).isEqualTo(50);
        assertThat(StockFanOut.quantityFor(101, 80)).as("at most 50 %").isEqualTo(50);
        assertThat(StockFanOut.quantityFor(7, 33)).isEqualTo(4);
        assertThat(StockFanOut.quantityFor(1, 10)).isZero();
        assertThat(StockFanOut.quantityFor(-3, 0)).isZero();
        assertThat(StockFanOut.quantityFor(Integer.MAX_VALUE, 0)).isEqualTo(Integer.MAX_VALUE);
    }

    @Test
    @DisplayName("A stock level goes to every active connection of the tenant listing the SKU with its buffer; the same level again sends nothing")
    void levelFansOutOnce() {
        UUID paused = connection(Marketplace.BOL, 0, ConnectionState.PAUSED, TENANT);
        UUID otherTenant = connection(Marketplace.ZALANDO, 0, ConnectionState.ACTIVE, "tenant-b");
        UUID unlisting = connection(Marketplace.KAUFLAND, 0, ConnectionState.ACTIVE, TENANT);
        SkuStock listed = listedBy(amazon, ebay, walmart, paused, otherTenant);

        StockFanOut.Result result = fanOut.onLevel(listed, level(101), this::find, T0);

        assertThat(result.pushes()).extracting(StockFanOut.Push::connectionId, StockFanOut.Push::quantity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(amazon, 90),
                        org.assertj.core.groups.Tuple.tuple(ebay, 101), org.assertj.core.groups.Tuple.tuple(walmart, 50));
        assertThat(result.pushes()).extracting(StockFanOut.Push::connectionId).doesNotContain(unlisting);
        assertThat(fanOut.onLevel(result.state(), level(101), this::find, T0.plusSeconds(1)).pushes()).as("no re-send").isEmpty();
        assertThat(fanOut.onLevel(result.state(), level(100), this::find, T0.plusSeconds(2)).pushes())
                .as("only connections whose rounded quantity changed: amazon stays 90, walmart 50")
                .extracting(StockFanOut.Push::connectionId).containsExactly(ebay);
    }

    @Test
    @DisplayName("A marketplace echoing what we sent changes nothing; a sale there moves available and reaches the others, not the source")
    void echoAndMarketplaceChange() {
        SkuStock sent = fanOut.onLevel(listedBy(amazon, ebay, walmart), level(101), this::find, T0).state();

        StockFanOut.Result echo = fanOut.onReport(sent, report(amazon, 90, T0.plusSeconds(5)), this::find, T0.plusSeconds(5));
        StockFanOut.Result sale = fanOut.onReport(echo.state(), report(amazon, 85, T0.plusSeconds(9)), this::find, T0.plusSeconds(9));
        StockFanOut.Result echoOfSale = fanOut.onReport(sale.state(), report(ebay, 96, T0.plusSeconds(12)), this::find, T0.plusSeconds(12));
        StockFanOut.Result stale = fanOut.onReport(sale.state(), report(ebay, 101, T0.plusSeconds(8)), this::find, T0.plusSeconds(13));

        assertThat(echo.pushes()).isEmpty();
        assertThat(sale.state().available()).as("101 - (90 - 85)").isEqualTo(96);
        assertThat(sale.pushes()).extracting(StockFanOut.Push::connectionId, StockFanOut.Push::quantity)
                .containsExactlyInAnyOrder(org.assertj.core.groups.Tuple.tuple(ebay, 96), org.assertj.core.groups.Tuple.tuple(walmart, 48));
        assertThat(echoOfSale.pushes()).as("no echo loop").isEmpty();
        assertThat(stale.pushes()).as("observed before our last command").isEmpty();
        assertThat(stale.state()).isEqualTo(sale.state());
    }

    @Test
    @DisplayName("A connection that reports a SKU for the first time gets the current quantity, unless it already shows it")
    void newListing() {
        SkuStock known = fanOut.onLevel(listedBy(ebay), level(40), this::find, T0).state();

        StockFanOut.Result amazonLists = fanOut.onReport(known, report(amazon, 12, T0.plusSeconds(1)), this::find, T0.plusSeconds(1));
        StockFanOut.Result walmartShows = fanOut.onReport(known, report(walmart, 20, T0.plusSeconds(1)), this::find, T0.plusSeconds(1));

        assertThat(amazonLists.pushes()).extracting(StockFanOut.Push::connectionId, StockFanOut.Push::quantity)
                .containsExactly(org.assertj.core.groups.Tuple.tuple(amazon, 36));
        assertThat(walmartShows.pushes()).isEmpty();
        assertThat(walmartShows.state().listings().get(walmart).lastSent()).isEqualTo(20);
    }

    @Test
    @DisplayName("A listing whose stock Amazon's warehouse holds (FBA-only) is never sent stock, and its sales do not move ours")
    void marketplaceFulfilledListingIsLeftAlone() {
        // given amazon reports the SKU as FBA-held, then lists it again as a product (which says nothing of the holder)
        SkuStock listed = fanOut.onReport(listedBy(ebay), new ListingReport(amazon, TENANT, "SKU-1", 7, T0.minusSeconds(30),
                true), this::find, T0.minusSeconds(30)).state();
        listed = fanOut.onReport(listed, new ListingReport(amazon, TENANT, "SKU-1", null, T0.minusSeconds(20)), this::find,
                T0.minusSeconds(20)).state();

        // when the system of record sets 40 and the FBA quantity then drops to 5
        StockFanOut.Result level = fanOut.onLevel(listed, level(40), this::find, T0);
        StockFanOut.Result fbaSale = fanOut.onReport(level.state(), new ListingReport(amazon, TENANT, "SKU-1", 5,
                T0.plusSeconds(5), true), this::find, T0.plusSeconds(5));

        // then only ebay is sent 40, and the FBA sale neither moves available nor sends anything
        assertThat(level.pushes()).extracting(StockFanOut.Push::connectionId).containsExactly(ebay);
        assertThat(fbaSale.pushes()).isEmpty();
        assertThat(fbaSale.state().available()).isEqualTo(40);
        assertThat(fbaSale.state().listings().get(amazon).heldByMarketplace()).isTrue();
    }

    @Test
    @DisplayName("Pushes become SetStock commands per connection in chunks of the marketplace's bulk limit (≤100; eBay 25; bol.com 1), carrying the snapshot")
    void batching() {
        UUID bol = connection(Marketplace.BOL, 0, ConnectionState.ACTIVE, TENANT);
        List<StockFanOut.Push> pushes = new ArrayList<>();
        for (int i = 0; i < 150; i++) {
            pushes.add(new StockFanOut.Push(walmart, "SKU-" + i, i, i, 0));
        }
        for (int i = 0; i < 30; i++) {
            pushes.add(new StockFanOut.Push(ebay, "SKU-" + i, i, i, 0));
        }
        pushes.add(new StockFanOut.Push(bol, "SKU-1", 1, 1, 0));
        pushes.add(new StockFanOut.Push(bol, "SKU-2", 2, 2, 0));
        pushes.add(new StockFanOut.Push(amazon, "SKU-1", 9, 10, 10));
        pushes.add(new StockFanOut.Push(amazon, "SKU-1", 8, 9, 10));

        List<SetStock> commands = SetStockBatcher.batch(pushes, this::find, T0);

        Map<UUID, List<Integer>> sizes = new HashMap<>();
        commands.forEach(c -> sizes.computeIfAbsent(c.connectionId(), id -> new ArrayList<>()).add(c.items().size()));
        assertThat(sizes.get(walmart)).containsExactly(100, 50);
        assertThat(sizes.get(ebay)).containsExactly(25, 5);
        assertThat(sizes.get(bol)).containsExactly(1, 1);
        SetStock toAmazon = commands.stream().filter(c -> c.connectionId().equals(amazon)).findFirst().orElseThrow();
        assertThat(toAmazon.items()).as("the later push wins").containsExactly(new SetStock.Item("SKU-1", 8, 9, 10));
        assertThat(toAmazon.connection()).isEqualTo(directory.get(amazon));
        assertThat(toAmazon.key()).isEqualTo(amazon + "/SKU-1");
    }

    private SkuStock listedBy(UUID... connections) {
        SkuStock stock = SkuStock.empty(TENANT, "SKU-1");
        for (UUID connection : connections) {
            stock = fanOut.onReport(stock, new ListingReport(connection, TENANT, "SKU-1", null, T0.minusSeconds(60)), this::find,
                    T0.minusSeconds(60)).state();
        }
        return stock;
    }

    private static StockLevel level(int available) {
        return new StockLevel(TENANT, "SKU-1", available, T0);
    }

    private static ListingReport report(UUID connection, int quantity, Instant observedAt) {
        return new ListingReport(connection, TENANT, "SKU-1", quantity, observedAt);
    }

    private Optional<ConnectionSnapshot> find(UUID id) {
        return Optional.ofNullable(directory.get(id));
    }

    private UUID connection(Marketplace marketplace, int buffer, ConnectionState state, String tenant) {
        UUID id = UUID.randomUUID();
        directory.put(id, new ConnectionSnapshot(id, tenant, marketplace, "acct", marketplace.displayName(), Map.of(), state,
                new ConnectionSettings(SyncInterval.HOURLY, null, OrderLookback.THIRTY_DAYS, buffer, true, null),
                TenantPolicy.defaults(), null, 1, T0));
        return id;
    }
}
