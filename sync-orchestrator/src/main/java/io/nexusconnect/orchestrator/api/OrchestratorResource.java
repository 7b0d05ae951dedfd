package io.nexusconnect.orchestrator.api;

import io.nexusconnect.contracts.Topics;
import io.nexusconnect.orchestrator.kafka.OrchestratorRuntime;
import io.nexusconnect.orchestrator.kafka.ShardMember;
import jakarta.ws.rs.GET;
import jakarta.ws.rs.Path;
import jakarta.ws.rs.PathParam;
import jakarta.ws.rs.Produces;
import jakarta.ws.rs.core.MediaType;
import jakarta.ws.rs.core.Response;
import org.apache.kafka.common.utils.Utils;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.UUID;

/** Read-only debugging view of this replica's shard. Answers about connections of other shards say who owns them. */
@Path("/orchestrator")
@Produces(MediaType.APPLICATION_JSON)
public class OrchestratorResource {
    static final String PROBLEM_JSON = "application/problem+json";

    private final OrchestratorRuntime runtime;

    OrchestratorResource(OrchestratorRuntime runtime) {
        this.runtime = runtime;
    }

    public record ShardView(String member, boolean ready, Set<Integer> partitions, int connections, Instant lastTickAt) {
    }

    @GET
    @Path("/shard")
    public Response shard() {
        ShardMember member = runtime.member();
        if (member == null) {
            return problem(Response.Status.SERVICE_UNAVAILABLE, "The orchestrator is stopped", List.of());
        }
        return Response.ok(new ShardView(member.clientId(), member.isReady(), new TreeSet<>(member.partitions()),
                member.engine().size(), member.lastTickAt())).build();
    }

    @GET
    @Path("/connections/{id}")
    public Response connection(@PathParam("id") String id) {
        UUID connectionId;
        try {
            connectionId = UUID.fromString(id);
        } catch (IllegalArgumentException e) {
            return problem(Response.Status.BAD_REQUEST, "The connection id is not a UUID",
                    List.of(Map.of("field", "id", "message", "must be a UUID")));
        }
        ShardMember member = runtime.member();
        if (member == null) {
            return problem(Response.Status.SERVICE_UNAVAILABLE, "The orchestrator is stopped", List.of());
        }
        Optional<ConnectionView> view = member.engine().find(connectionId)
                .map(owned -> ConnectionView.of(owned, member.engine(), member.clientId()));
        if (view.isPresent()) {
            return Response.ok(view.get()).build();
        }
        int partition = Utils.toPositive(Utils.murmur2(id.getBytes(StandardCharsets.UTF_8))) % Topics.DEFAULT_PARTITIONS;
        String detail = member.partitions().contains(partition)
                ? "Connection " + id + " is not known (never created, or removed)"
                : "Connection " + id + " belongs to partition " + partition + ", which another replica owns (this one owns "
                + new TreeSet<>(member.partitions()) + ")";
        return problem(Response.Status.NOT_FOUND, detail, List.of());
    }

    private static Response problem(Response.Status status, String detail, List<Map<String, String>> errors) {
        Map<String, Object> body = errors.isEmpty()
                ? Map.of("type", "about:blank", "title", status.getReasonPhrase(), "status", status.getStatusCode(), "detail", detail)
                : Map.of("type", "about:blank", "title", status.getReasonPhrase(), "status", status.getStatusCode(), "detail", detail,
                "errors", errors);
        return Response.status(status).type(PROBLEM_JSON).entity(body).build();
    }
}
