package io.nexusconnect.sims.common.faults;

/**
 * An active fault: for requests to {@code operation} ({@code *} = every operation the kind applies to), either the
 * next {@code remaining} of them or, when {@code persistent}, all of them until cleared.
 */
public record FaultRule(String id, String operation, Fault fault, int remaining, boolean persistent) {
}
