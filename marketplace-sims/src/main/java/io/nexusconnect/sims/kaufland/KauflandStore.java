package io.nexusconnect.sims.kaufland;

import io.nexusconnect.sims.kaufland.model.OrderUnit;
import io.nexusconnect.sims.kaufland.model.Unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** The seller's order units and units; thread-safe. */
public final class KauflandStore {
    private final List<OrderUnit> orderUnits;
    private final Map<Long, Unit> units = new LinkedHashMap<>();

    KauflandStore(List<OrderUnit> orderUnits, List<Unit> seeded) {
        this.orderUnits = new ArrayList<>(orderUnits);
        seeded.forEach(u -> units.put(u.idUnit(), u));
    }

    public synchronized List<OrderUnit> orderUnits() {
        return List.copyOf(orderUnits);
    }

    /** Adds (or, with a known id, replaces) an order unit: how tests make orders arrive or change. */
    public synchronized void put(OrderUnit unit) {
        orderUnits.removeIf(u -> u.idOrderUnit() == unit.idOrderUnit());
        orderUnits.add(unit);
    }

    public synchronized List<Unit> units() {
        return List.copyOf(units.values());
    }

    public synchronized Optional<Unit> unit(long idUnit) {
        return Optional.ofNullable(units.get(idUnit));
    }

    public synchronized Unit setAmount(long idUnit, int amount, Instant now) {
        Unit updated = units.get(idUnit).withAmount(amount, now);
        units.put(idUnit, updated);
        return updated;
    }
}
