package io.nexusconnect.adapterkit.client;

/** The documented usage plan of one marketplace operation: sustained requests per second and the burst. */
public record OperationLimit(String operation, double ratePerSecond, int burst) {
    public OperationLimit {
        if (operation == null || operation.isBlank()) {
            throw new IllegalArgumentException("operation name is required");
        }
        if (ratePerSecond <= 0 || burst < 1) {
            throw new IllegalArgumentException("rate must be > 0 and burst >= 1 for " + operation);
        }
    }
}
