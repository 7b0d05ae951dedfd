package io.nexusconnect.connectionservice.problem;

import io.nexusconnect.contracts.connection.FieldViolation;

import java.util.List;

/** A request with field-level problems; the messages never quote a submitted secret. */
public class ValidationException extends RuntimeException {
    private final List<FieldViolation> violations;

    public ValidationException(List<FieldViolation> violations) {
        super(violations.size() + " invalid field(s)");
        this.violations = List.copyOf(violations);
    }

    public List<FieldViolation> violations() {
        return violations;
    }
}
