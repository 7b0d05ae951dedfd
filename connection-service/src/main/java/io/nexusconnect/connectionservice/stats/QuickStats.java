package io.nexusconnect.connectionservice.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The quick stats of a card. */
@Schema(name = "QuickStats")
public record QuickStats(
        @Schema(description = "distinct products synced from this connection") long productsSynced,
        @Schema(description = "distinct orders purchased today (UTC), each counted once") long ordersToday,
        @Schema(description = "listings whose last health verdict is not active (inactive, suppressed or incomplete); "
                + "listings without a verdict are not counted") long unhealthyListings) {

    public static final QuickStats NONE = new QuickStats(0, 0, 0);

    public QuickStats(long productsSynced, long ordersToday) {
        this(productsSynced, ordersToday, 0);
    }
}
