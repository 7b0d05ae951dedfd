package io.nexusconnect.connectionservice.problem;

import com.fasterxml.jackson.annotation.JsonInclude;
import io.nexusconnect.contracts.connection.FieldViolation;
import org.eclipse.microprofile.openapi.annotations.media.Schema;

import java.util.List;

/** An RFC 7807 problem document; {@code errors} lists every offending field of a rejected request. */
@JsonInclude(JsonInclude.Include.NON_NULL)
@Schema(name = "Problem", description = "RFC 7807 problem details (application/problem+json)")
public record Problem(String type, String title, int status, String detail, String instance, List<FieldViolation> errors) {
    public static final String MEDIA_TYPE = "application/problem+json";

    public static Problem of(int status, String title, String detail) {
        return new Problem("about:blank", title, status, detail, null, null);
    }

    public static Problem invalid(List<FieldViolation> errors) {
        return new Problem("https://nexus-connect.io/problems/validation", "Invalid request", 400,
                errors.size() + " field(s) are not acceptable", null, List.copyOf(errors));
    }
}
