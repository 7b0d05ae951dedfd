package io.nexusconnect.connectionservice.api;

import io.nexusconnect.connectionservice.history.SyncHistoryService;
import io.nexusconnect.connectionservice.history.SyncHistoryView;
import io.nexusconnect.connectionservice.problem.Problem;
import io.nexusconnect.connectionservice.problem.ValidationException;
import io.nexusconnect.connectionservice.tenant.TenantContext;
import io.nexusconnect.contracts.connection.FieldViolation;
import io.quarkus.security.Authenticated;
import io.smallrye.mutiny.Uni;
import jakarta.inject.Inject;
import jakarta.ws.rs.DefaultValue;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.QueryParam;
import jakarta.ws.rs.core.MediaType;
import org.eclipse.microprofile.openapi.annotations.Operation;
import org.eclipse.microprofile.openapi.annotations.media.Content;
import org.eclipse.microprofile.openapi.annotations.media.Schema;
import org.eclipse.microprofile.openapi.annotations.parameters.Parameter;
import org.eclipse.microprofile.openapi.annotations.responses.APIResponse;
import org.eclipse.microprofile.openapi.annotations.security.SecurityRequirement;
import org.eclipse.microprofile.openapi.annotations.tags.Tag;

import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Locale;
import java.util.List;
import java.util.UUID;

/** View Sync Log: the cycles of one connection with counts, status and the raw error of failed ones. */
@Path("/api/connections/{id}/syncs")
@Authenticated
@Produces(MediaType.APPLICATION_JSON)
@Tag(name = "Connections")
@SecurityRequirement(name = "bearer")
public class SyncHistoryResource {
    private static final List<String> STATUSES = List.of("running", "success", "partial", "failed");
    @Inject
    SyncHistoryService history;
    @Inject
    TenantContext tenant;

    @GET
    @Operation(summary = "Sync history of a connection", description = "View Sync Log: newest cycle first, paged, "
            + "optionally filtered by status and by a time range of the cycle start [from, to). Removed connections "
            + "keep their history.")
    @APIResponse(responseCode = "200", content = @Content(schema = @Schema(implementation = SyncHistoryView.class)))
    @APIResponse(responseCode = "404", description = "no such connection for this tenant",
            content = @Content(mediaType = Problem.MEDIA_TYPE, schema = @Schema(implementation = Problem.class)))
    public Uni<SyncHistoryView> list(@PathParam("id") UUID id,
                                     @Parameter(description = "0-based page") @QueryParam("page") @DefaultValue("0") int page,
                                     @Parameter(description = "1 to 100") @QueryParam("size") @DefaultValue("20") int size,
                                     @Parameter(description = "running, success, partial or failed; comma-separated for several")
                                     @QueryParam("status") String status,
                                     @Parameter(description = "ISO-8601 instant: cycles started at or after it")
                                     @QueryParam("from") String from,
                                     @Parameter(description = "ISO-8601 instant: cycles started before it")
                                     @QueryParam("to") String to) {
        List<FieldViolation> violations = new ArrayList<>();
        List<String> statuses = statuses(status, violations);
        Instant start = instant("from", from, violations);
        Instant end = instant("to", to, violations);
        if (start != null && end != null && !start.isBefore(end)) {
            violations.add(new FieldViolation("to", "must be after from"));
        }
        if (page < 0 || page > SyncHistoryService.MAX_PAGE) {
            violations.add(new FieldViolation("page", "must be between 0 and " + SyncHistoryService.MAX_PAGE));
        }
        if (size < 1 || size > SyncHistoryService.MAX_PAGE_SIZE) {
            violations.add(new FieldViolation("size", "must be between 1 and " + SyncHistoryService.MAX_PAGE_SIZE));
        }
        if (!violations.isEmpty()) {
            throw new ValidationException(violations);
        }
        return history.page(tenant.tenantId(), id, new SyncHistoryService.Filter(statuses, start, end), page, size);
    }

    private static List<String> statuses(String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return List.of();
        }
        List<String> statuses = Arrays.stream(value.split(",")).map(s -> s.trim().toLowerCase(Locale.ROOT))
                .filter(s -> !s.isEmpty()).distinct().toList();
        if (!STATUSES.containsAll(statuses)) {
            violations.add(new FieldViolation("status", "must be running, success, partial or failed"));
        }
        return statuses;
    }

    private static Instant instant(String field, String value, List<FieldViolation> violations) {
        if (value == null || value.isBlank()) {
            return null;
        }
        try {
            return Instant.parse(value.trim());
        } catch (DateTimeParseException e) {
            violations.add(new FieldViolation(field, "must be an ISO-8601 instant, e.g. 2026-01-31T00:00:00Z"));
            return null;
        }
    }
}
