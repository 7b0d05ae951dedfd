package io.nexusconnect.contracts.connection;

/** A field of a connection request that is not acceptable, and why (RFC 7807 {@code errors[]} entries). */
public record FieldViolation(String field, String message) {
}
