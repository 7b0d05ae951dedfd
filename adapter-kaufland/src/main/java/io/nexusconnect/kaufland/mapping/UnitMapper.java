package io.nexusconnect.kaufland.mapping;

import io.nexusconnect.contracts.Marketplace;
import io.nexusconnect.contracts.normalized.InventoryLevel;
import io.nexusconnect.contracts.normalized.ListingHealth;
import io.nexusconnect.contracts.normalized.Product;
import io.nexusconnect.kaufland.client.KauflandAccount;
import io.nexusconnect.kaufland.client.model.Unit;

import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;

/**
 * Units (offers, one per storefront) to normalized products and inventory levels. A product is one unit, keyed by
 * {@code id_unit} (a SKU sold on two storefronts is two units, each with its storefront as the sales channel). An
 * inventory level is keyed by SKU, so the units of one SKU are folded: the quantity is the one of the connection's
 * first storefront that has the SKU, and every storefront's amount is in the channel breakdown.
 */
public final class UnitMapper {
    private UnitMapper() {
    }

    public static Product toProduct(Unit unit, UUID connectionId, String tenantId, UUID syncId, Instant observedAt) {
        if (unit.idUnit() == null || unit.storefront() == null) {
            throw new IllegalArgumentException("a unit without id_unit or storefront");
        }
        String sku = unit.idOffer() == null || unit.idOffer().isBlank() ? Long.toString(unit.idUnit()) : unit.idOffer();
        Long cents = unit.listingPrice() != null ? unit.listingPrice() : unit.price();
        return new Product(connectionId, tenantId, Marketplace.KAUFLAND, Long.toString(unit.idUnit()), sku,
                unit.idProduct() == null ? null : Long.toString(unit.idProduct()), null, unit.condition(),
                unit.status() == null ? List.of() : List.of(unit.status()),
                KauflandAccount.salesChannel(unit.storefront()),
                cents == null || unit.currency() == null ? null : OrderGrouper.cents(cents, unit.currency()),
                unit.dateInsertedIso() == null ? null : Instant.parse(unit.dateInsertedIso()),
                unit.dateLastchangeIso() == null ? null : Instant.parse(unit.dateLastchangeIso()),
                syncId, observedAt, health(unit));
    }

    /**
     * Decision (BEHAVIOR.md): AVAILABLE with stock is ACTIVE, AVAILABLE without stock INACTIVE, ONHOLD (paused, not
     * shown to buyers) INACTIVE, INCOMPLETE (product data missing) INCOMPLETE.
     */
    static ListingHealth health(Unit unit) {
        String status = unit.status() == null ? "" : unit.status();
        return switch (status) {
            case "AVAILABLE" -> unit.amount() != null && unit.amount() == 0
                    ? issue(ListingHealth.Verdict.INACTIVE, "OUT_OF_STOCK", ListingHealth.Severity.WARNING,
                    "The unit has no stock: buyers cannot order it.")
                    : new ListingHealth(ListingHealth.Verdict.ACTIVE, List.of());
            case "ONHOLD" -> issue(ListingHealth.Verdict.INACTIVE, status, ListingHealth.Severity.WARNING,
                    "The unit is on hold and not shown to buyers.");
            case "INCOMPLETE" -> issue(ListingHealth.Verdict.INCOMPLETE, status, ListingHealth.Severity.ERROR,
                    "The unit is incomplete: its product data is missing or not yet accepted.");
            default -> issue(ListingHealth.Verdict.INACTIVE, status.isEmpty() ? "UNKNOWN" : status,
                    ListingHealth.Severity.INFO, "The unit is not live (" + (status.isEmpty() ? "no status" : status)
                            + ").");
        };
    }

    /** One level per SKU over all storefronts read, in the order of {@code storefronts}. */
    public static List<InventoryLevel> toInventory(List<Unit> units, List<String> storefronts, UUID connectionId,
                                                   String tenantId, UUID syncId, Instant observedAt) {
        Map<String, Map<String, Integer>> bySku = new LinkedHashMap<>();
        for (Unit unit : units) {
            if (unit.idOffer() == null || unit.idOffer().isBlank() || unit.amount() == null) {
                continue;
            }
            bySku.computeIfAbsent(unit.idOffer(), k -> new LinkedHashMap<>())
                    .put(unit.storefront().toLowerCase(java.util.Locale.ROOT), unit.amount());
        }
        List<InventoryLevel> levels = new ArrayList<>();
        bySku.forEach((sku, amounts) -> {
            String primary = storefronts.stream().filter(amounts::containsKey).findFirst()
                    .orElse(amounts.keySet().iterator().next());
            List<InventoryLevel.ChannelQuantity> channels = storefronts.stream().filter(amounts::containsKey)
                    .map(s -> new InventoryLevel.ChannelQuantity(KauflandAccount.salesChannel(s), amounts.get(s)))
                    .toList();
            levels.add(new InventoryLevel(connectionId, tenantId, Marketplace.KAUFLAND, sku, amounts.get(primary),
                    InventoryLevel.SELLER_FULFILLED, syncId, observedAt, channels));
        });
        return levels;
    }

    private static ListingHealth issue(ListingHealth.Verdict verdict, String code, ListingHealth.Severity severity,
                                       String message) {
        return new ListingHealth(verdict, List.of(new ListingHealth.Issue(code, severity, message)));
    }
}
