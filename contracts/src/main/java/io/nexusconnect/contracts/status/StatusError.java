package io.nexusconnect.contracts.status;

import io.nexusconnect.contracts.sync.ErrorCode;

/** The inline error summary of a card in error: the classified code, its title, the marketplace's message, the fix. */
public record StatusError(ErrorCode code, String title, String message, String resolution) {
    public static StatusError of(ErrorCode code, String message) {
        return new StatusError(code, code.title(), message, code.resolution());
    }
}
