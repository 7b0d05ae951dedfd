package io.nexusconnect.connectionservice.stats;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/** The quick stats of a card. */
@Schema(name = "QuickStats")
public record QuickStats(
        @Schema(description = "distinct products synced from this connection") long productsSynced,
        @Schema(description = "distinct orders purchased today (UTC), each counted once") long ordersToday) {

    public static final QuickStats NONE = new QuickStats(0, 0);
}
