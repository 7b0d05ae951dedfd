package io.nexusconnect.orchestrator.stock;

import io.nexusconnect.contracts.connection.ConnectionSettings;
import io.nexusconnect.contracts.connection.ConnectionSnapshot;
import io.nexusconnect.contracts.connection.ConnectionState;
import io.nexusconnect.contracts.stock.StockLevel;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Function;

/**
 * Which connections get which quantity when a SKU's stock changes, as pure state transitions of {@link SkuStock}.
 * <ul>
 *   <li>A stock level (system of record) sets {@code available}; every active connection of the tenant that lists the
 *       SKU gets {@code available} minus its buffer ({@link #quantityFor}), unless that is what it was last sent.</li>
 *   <li>A listing whose stock the marketplace's own fulfillment holds (Amazon FBA-only) is never sent a quantity, and
 *       its reports do not move {@code available}.</li>
 *   <li>A marketplace report equal to what we last sent that connection is the echo of our own command: nothing.</li>
 *   <li>A report that differs from it (a sale or a manual edit on the marketplace) moves {@code available} by the same
 *       difference and is fanned out to the other connections; the reporting one is skipped, it already shows it.</li>
 *   <li>A report older than our last command to that connection describes the marketplace before it: ignored.</li>
 *   <li>A connection that reports a SKU for the first time is a new listing: it gets the current quantity, if known.</li>
 *   <li>A removed listing (its level's key tombstoned) leaves the SKU: no SetStock goes to it any more, and a later
 *       report of it is a new listing again.</li>
 * </ul>
 */
public final class StockFanOut {

    /** One quantity for one connection; the batcher turns them into SetStock commands. */
    public record Push(UUID connectionId, String sku, int quantity, int available, int bufferPercent) {
    }

    public record Result(SkuStock state, List<Push> pushes) {
    }

    /** The quantity a connection is sent: available minus its buffer percentage (0–50 %), rounded down, never negative. */
    public static int quantityFor(int available, int bufferPercent) {
        int buffer = Math.max(0, Math.min(ConnectionSettings.MAX_BUFFER_PERCENT, bufferPercent));
        return available <= 0 ? 0 : (int) ((long) available * (100 - buffer) / 100);
    }

    public Result onLevel(SkuStock current, StockLevel level, Function<UUID, Optional<ConnectionSnapshot>> connections,
                          Instant now) {
        return fanOut(current.withAvailable(Math.max(0, level.available())), null, connections, now);
    }

    /** The connection no longer lists the SKU: it is dropped, nothing is sent, the others keep what they have. */
    public Result onRemoval(SkuStock current, ListingReport removal) {
        return new Result(current.without(removal.connectionId()), List.of());
    }

    public Result onReport(SkuStock current, ListingReport report, Function<UUID, Optional<ConnectionSnapshot>> connections,
                           Instant now) {
        SkuStock.Listing listing = current.listings().getOrDefault(report.connectionId(), SkuStock.Listing.NEW);
        Integer quantity = report.quantity();
        boolean stale = listing.lastSentAt() != null && report.observedAt() != null
                && report.observedAt().isBefore(listing.lastSentAt());
        if (stale) {
            return new Result(current, List.of());
        }
        SkuStock listed = current.withListing(report.connectionId(), listing.reported(quantity, report.heldByMarketplace()));
        if (listed.listings().get(report.connectionId()).heldByMarketplace()) {
            // stock in the marketplace's warehouse is not the seller's to set, and its sales do not move ours
            return new Result(listed, List.of());
        }
        if (quantity == null || listing.lastSent() == null || quantity.equals(listing.lastSent())) {
            // a listing, a first report or our own echo: only a connection we never sent to may need the quantity
            return listing.lastSent() == null ? fanOut(listed, null, connections, now, report.connectionId(), quantity)
                    : new Result(listed, List.of());
        }
        int moved = quantity - listing.lastSent();
        Integer available = current.available() == null ? quantity : Math.max(0, current.available() + moved);
        SkuStock changed = listed.withAvailable(available)
                .withListing(report.connectionId(), listed.listings().get(report.connectionId()).sent(quantity, now));
        return fanOut(changed, report.connectionId(), connections, now);
    }

    private Result fanOut(SkuStock state, UUID source, Function<UUID, Optional<ConnectionSnapshot>> connections, Instant now) {
        return fanOut(state, source, connections, now, null, null);
    }

    /**
     * @param only      when set, only this connection is considered (a new listing)
     * @param itShows   what that connection reported: if it already shows the right quantity nothing is sent
     */
    private Result fanOut(SkuStock state, UUID source, Function<UUID, Optional<ConnectionSnapshot>> connections, Instant now,
                          UUID only, Integer itShows) {
        if (state.available() == null) {
            return new Result(state, List.of());
        }
        List<Push> pushes = new ArrayList<>();
        SkuStock after = state;
        for (Map.Entry<UUID, SkuStock.Listing> entry : state.listings().entrySet()) {
            UUID connectionId = entry.getKey();
            if (connectionId.equals(source) || (only != null && !only.equals(connectionId))) {
                continue;
            }
            Optional<ConnectionSnapshot> connection = connections.apply(connectionId);
            if (connection.isEmpty()) {
                // not (or no longer) on nexus.connections.v1: nothing to send it to
                continue;
            }
            SkuStock.Listing listing = entry.getValue();
            if (listing.heldByMarketplace()) {
                continue;
            }
            ConnectionSnapshot snapshot = connection.get();
            if (snapshot.state() != ConnectionState.ACTIVE || !snapshot.tenantId().equals(state.tenantId())) {
                continue;
            }
            int buffer = snapshot.settings() == null ? 0 : snapshot.settings().inventoryBufferPercent();
            int quantity = quantityFor(state.available(), buffer);
            if (Integer.valueOf(quantity).equals(listing.lastSent())) {
                continue;
            }
            if (listing.lastSent() == null && Integer.valueOf(quantity).equals(itShows)) {
                after = after.withListing(connectionId, listing.sent(quantity, now));
                continue;
            }
            pushes.add(new Push(connectionId, state.sku(), quantity, state.available(), Math.max(0, Math.min(ConnectionSettings.MAX_BUFFER_PERCENT, buffer))));
            after = after.withListing(connectionId, listing.sent(quantity, now));
        }
        return new Result(after, List.copyOf(pushes));
    }
}
