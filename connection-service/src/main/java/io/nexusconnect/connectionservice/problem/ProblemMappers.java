package io.nexusconnect.connectionservice.problem;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.exc.MismatchedInputException;
import io.nexusconnect.contracts.connection.FieldViolation;
import io.nexusconnect.contracts.kafka.FailureClass;
import jakarta.persistence.OptimisticLockException;
import jakarta.ws.rs.WebApplicationException;
import jakarta.ws.rs.core.Response;
import org.hibernate.StaleStateException;
import org.jboss.logging.Logger;
import org.jboss.resteasy.reactive.server.ServerExceptionMapper;

import java.util.List;
import java.util.stream.Collectors;

/**
 * Turns every failure into an RFC 7807 problem. Nothing of the request is echoed: a rejected body may hold
 * credentials, so messages name fields, never values, and unexpected failures are logged by type only.
 */
public class ProblemMappers {
    private static final Logger LOG = Logger.getLogger(ProblemMappers.class);
    private static final String ACCOUNT_CONSTRAINT = "connections_account_uq";
    /** How long a client should wait before repeating a request that met an unavailable dependency. */
    static final int RETRY_AFTER_SECONDS = 5;

    @ServerExceptionMapper
    public Response validation(ValidationException e) {
        return problem(Problem.invalid(e.violations()));
    }

    @ServerExceptionMapper
    public Response notFound(NotFoundProblem e) {
        return problem(Problem.of(404, "Not Found", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response conflict(ConflictProblem e) {
        return problem(Problem.of(409, "Conflict", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response timeout(TimeoutProblem e) {
        return problem(Problem.of(504, "Gateway Timeout", e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unavailable(UnavailableProblem e) {
        return retryLater(e.getMessage());
    }

    /** A value of the wrong type; replaces Quarkus's built-in mapper, whose answer is not a problem document. */
    @ServerExceptionMapper
    public Response mismatched(MismatchedInputException e) {
        return unreadable(e);
    }

    /** Unreadable JSON or a value of the wrong type: the path says where, the value is not repeated. */
    @ServerExceptionMapper
    public Response unreadable(JsonProcessingException e) {
        if (e instanceof JsonMappingException mapping && !mapping.getPath().isEmpty()) {
            String field = mapping.getPath().stream()
                    .map(ref -> ref.getFieldName() != null ? ref.getFieldName() : "[" + ref.getIndex() + "]")
                    .collect(Collectors.joining(".")).replace(".[", "[");
            return problem(Problem.invalid(List.of(new FieldViolation(field, "has the wrong type"))));
        }
        return problem(Problem.of(400, "Bad Request", "the request body is not valid JSON"));
    }

    @ServerExceptionMapper
    public Response web(WebApplicationException e) {
        if (e.getCause() instanceof JsonProcessingException json) {
            // the body reader wraps parse errors; their text would quote the body
            return unreadable(json);
        }
        int status = e.getResponse().getStatus();
        String title = Response.Status.fromStatusCode(status) == null
                ? "HTTP " + status : Response.Status.fromStatusCode(status).getReasonPhrase();
        // the built-in texts of these exceptions are generic; our own ones never carry input
        return problem(Problem.of(status, title, status >= 500 ? null : e.getMessage()));
    }

    @ServerExceptionMapper
    public Response unauthenticated(io.quarkus.security.AuthenticationFailedException e) {
        return problem(Problem.of(401, "Unauthorized", "a valid bearer token is required"));
    }

    @ServerExceptionMapper
    public Response unauthorized(io.quarkus.security.UnauthorizedException e) {
        return problem(Problem.of(401, "Unauthorized", "a valid bearer token is required"));
    }

    @ServerExceptionMapper
    public Response forbidden(io.quarkus.security.ForbiddenException e) {
        return problem(Problem.of(403, "Forbidden", "the bearer token does not allow this"));
    }

    /** A checked failure surfacing from a reactive chain (a refused connection, an I/O error): same rules. */
    @ServerExceptionMapper
    public Response failed(Exception e) {
        return e instanceof RuntimeException runtime ? unexpected(runtime) : classified(e);
    }

    @ServerExceptionMapper
    public Response unexpected(RuntimeException e) {
        return classified(e);
    }

    private Response classified(Exception e) {
        if (FailureClass.of(e) == FailureClass.TRANSIENT) {
            // PostgreSQL (or another dependency) is away: nothing of the request was committed, it can be repeated
            LOG.warnf("request failed transiently with %s; answered 503", e.getClass().getName());
            return retryLater("a service this request depends on is unavailable right now; nothing was changed, "
                    + "try again in " + RETRY_AFTER_SECONDS + " s");
        }
        for (Throwable cause = e; cause != null; cause = cause.getCause()) {
            if (cause instanceof StaleStateException || cause instanceof OptimisticLockException) {
                // another request (an edit in a second tab, a key-rotation re-seal) changed the connection between
                // this one's read and write; nothing of this request was applied
                return problem(Problem.of(409, "Conflict",
                        "the connection was changed by another request at the same time; reload it and try again"));
            }
            if (cause.getMessage() != null && cause.getMessage().contains(ACCOUNT_CONSTRAINT)) {
                // two creates of the same account raced past the check; the unique index caught the second
                return problem(Problem.of(409, "Conflict", "this marketplace account is already connected"));
            }
        }
        // type only: the message of a driver or mapper exception may contain submitted values
        LOG.errorf("request failed with %s", e.getClass().getName());
        return problem(Problem.of(500, "Internal Server Error", "the request could not be completed"));
    }

    private static Response retryLater(String detail) {
        return Response.status(503).type(Problem.MEDIA_TYPE)
                .header("Retry-After", Integer.toString(RETRY_AFTER_SECONDS))
                .entity(Problem.of(503, "Service Unavailable", detail)).build();
    }

    static Response problem(Problem problem) {
        return Response.status(problem.status()).type(Problem.MEDIA_TYPE).entity(problem).build();
    }
}
