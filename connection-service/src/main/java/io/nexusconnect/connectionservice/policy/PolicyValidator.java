package io.nexusconnect.connectionservice.policy;

import io.nexusconnect.connectionservice.problem.ValidationException;
import io.nexusconnect.contracts.connection.FieldViolation;
import io.nexusconnect.contracts.connection.SyncInterval;
import io.nexusconnect.contracts.connection.TenantPolicy;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.List;

/** Checks submitted global settings field by field on top of the current ones. */
public final class PolicyValidator {
    public static final Duration MIN_BACKOFF = Duration.ofSeconds(1);
    public static final Duration MAX_BACKOFF = Duration.ofHours(1);
    public static final Duration MIN_COOLDOWN = Duration.ofMinutes(1);
    public static final Duration MAX_COOLDOWN = Duration.ofDays(7);
    public static final int MAX_ROTATION_DAYS = 365;
    public static final int MAX_HEALTH_WINDOW = 100;

    private PolicyValidator() {
    }

    public static TenantPolicy merge(TenantPolicy current, PolicyInput input) {
        if (input == null) {
            throw new ValidationException(List.of(new FieldViolation("body", "is required")));
        }
        List<FieldViolation> violations = new ArrayList<>();
        SyncInterval interval = current.defaultSyncInterval();
        if (input.defaultSyncInterval() != null) {
            try {
                interval = SyncInterval.of(input.defaultSyncInterval().trim());
            } catch (IllegalArgumentException e) {
                violations.add(new FieldViolation("defaultSyncInterval", "must be one of 15m, 1h, 4h, daily"));
            }
        }
        int attempts = input.retryAttempts() == null ? current.retryAttempts() : input.retryAttempts();
        if (attempts < TenantPolicy.MIN_RETRY_ATTEMPTS || attempts > TenantPolicy.MAX_RETRY_ATTEMPTS) {
            violations.add(new FieldViolation("retryAttempts", "must be between " + TenantPolicy.MIN_RETRY_ATTEMPTS
                    + " and " + TenantPolicy.MAX_RETRY_ATTEMPTS));
        }
        Duration backoff = duration(input.retryBackoff(), current.retryBackoff(), MIN_BACKOFF, MAX_BACKOFF,
                "retryBackoff", "between PT1S and PT1H", violations);
        Duration cooldown = duration(input.alertCooldown(), current.alertCooldown(), MIN_COOLDOWN, MAX_COOLDOWN,
                "alertCooldown", "between PT1M and P7D", violations);
        Duration rotation = duration(input.webhookSecretRotation(), current.webhookSecretRotation(), Duration.ofDays(1),
                Duration.ofDays(MAX_ROTATION_DAYS), "webhookSecretRotation", "whole days between P1D and P365D", violations);
        if (rotation.toSeconds() % Duration.ofDays(1).toSeconds() != 0) {
            violations.add(new FieldViolation("webhookSecretRotation", "must be whole days between P1D and P365D"));
        }
        int window = input.healthWindow() == null ? current.healthWindow() : input.healthWindow();
        if (window < 1 || window > MAX_HEALTH_WINDOW) {
            violations.add(new FieldViolation("healthWindow", "must be between 1 and " + MAX_HEALTH_WINDOW));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return new TenantPolicy(interval, attempts, backoff, cooldown, rotation, window);
    }

    private static Duration duration(String value, Duration fallback, Duration min, Duration max, String field,
                                     String range, List<FieldViolation> violations) {
        if (value == null) {
            return fallback;
        }
        Duration parsed;
        try {
            parsed = Duration.parse(value.trim());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be an ISO-8601 duration " + range));
            return fallback;
        }
        if (parsed.compareTo(min) < 0 || parsed.compareTo(max) > 0) {
            violations.add(new FieldViolation(field, "must be " + range));
            return fallback;
        }
        return parsed;
    }
}
