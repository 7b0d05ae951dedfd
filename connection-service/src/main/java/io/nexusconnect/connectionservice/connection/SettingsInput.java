package io.nexusconnect.connectionservice.connection;

import org.eclipse.microprofile.openapi.annotations.media.Schema;

/**
 * Per-connection settings as submitted: loosely typed, so that every bad value becomes a field error of its own
 * instead of one unreadable body. Missing values take the product defaults.
 */
@Schema(name = "ConnectionSettingsInput", description = "Per-connection sync settings; every field is optional")
public record SettingsInput(
        @Schema(enumeration = {"15m", "1h", "4h", "daily"}, defaultValue = "1h") String syncInterval,
        @Schema(description = "restrict polling to these hours; omit to poll at any hour") SyncWindowInput syncWindow,
        @Schema(enumeration = {"7d", "30d", "90d", "1y"}, defaultValue = "30d") String orderLookback,
        @Schema(minimum = "0", maximum = "50", defaultValue = "0") Integer inventoryBufferPercent,
        @Schema(defaultValue = "true") Boolean autoReconnect,
        @Schema(description = "ISO 4217 override of the marketplace currency", example = "EUR") String currency) {

    @Schema(name = "SyncWindowInput")
    public record SyncWindowInput(
            @Schema(example = "08:00") String start,
            @Schema(example = "20:00") String end,
            @Schema(example = "Europe/Berlin") String timeZone) {
    }
}
