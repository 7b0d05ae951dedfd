package io.nexusconnect.ebay.client.model;

import java.util.List;

/** getInventoryItems' {@code InventoryItems}: one page and the link to the next. */
public record InventoryItemsPage(Long total, String next, List<InventoryItem> inventoryItems) {

    public record InventoryItem(String sku, String condition, Product product, Availability availability) {
        public Integer shipToHomeQuantity() {
            return availability == null || availability.shipToLocationAvailability() == null ? null
                    : availability.shipToLocationAvailability().quantity();
        }
    }

    public record Product(String title) {
    }

    public record Availability(ShipTo shipToLocationAvailability) {
    }

    public record ShipTo(Integer quantity) {
    }
}
