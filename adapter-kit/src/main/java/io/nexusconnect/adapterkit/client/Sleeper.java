package io.nexusconnect.adapterkit.client;

import java.time.Duration;

/** How the client waits. Production sleeps the thread; tests advance a manual clock instead of sleeping. */
@FunctionalInterface
public interface Sleeper {
    Sleeper SYSTEM = duration -> {
        if (!duration.isNegative() && !duration.isZero()) {
            Thread.sleep(duration.toMillis(), duration.toNanosPart() % 1_000_000);
        }
    };

    void sleep(Duration duration) throws InterruptedException;
}
