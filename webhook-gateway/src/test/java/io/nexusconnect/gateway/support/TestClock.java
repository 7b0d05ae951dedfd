package io.nexusconnect.gateway.support;

import io.nexusconnect.testinfra.ManualClock;
import jakarta.inject.Singleton;

import java.time.Instant;

/** The gateway's clock in the Quarkus tests (it replaces the system clock bean); unit tests make their own. */
@Singleton
public class TestClock extends ManualClock {
    public TestClock() {
        super(Instant.parse("2026-11-22T10:00:00Z"));
    }
}
