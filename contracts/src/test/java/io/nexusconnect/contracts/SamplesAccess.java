package io.nexusconnect.contracts;

import io.nexusconnect.contracts.sync.SyncCompleted;

/** The samples, for tests of other packages. */
public final class SamplesAccess {
    private SamplesAccess() {
    }

    public static SyncCompleted completed() {
        return (SyncCompleted) Samples.all().stream().filter(e -> e instanceof SyncCompleted).findFirst().orElseThrow();
    }
}
