package io.nexusconnect.sims.common.http;

import io.nexusconnect.sims.common.faults.Fault;
import io.nexusconnect.sims.common.faults.FaultKind;
import io.nexusconnect.sims.common.faults.Faults;
import io.nexusconnect.sims.common.requests.RequestLog;
import io.vertx.core.Handler;
import io.vertx.core.Vertx;
import io.vertx.ext.web.RoutingContext;

import java.util.Optional;
import java.util.function.Supplier;
import java.util.logging.Level;
import java.util.logging.Logger;

/**
 * What every simulated gateway does around an operation, whatever the marketplace checks in between: takes the
 * operation's injected fault, holds the request back for a {@link Fault.Slow} one (then answers it without a fault),
 * answers a simulator bug with the marketplace's internal error instead of leaving the client hanging, cuts the body
 * for a {@link Fault.MalformedJson} one, sends, and counts the status in the request log.
 */
public final class GatewayDispatch {
    private static final Logger LOG = Logger.getLogger(GatewayDispatch.class.getName());

    /** The marketplace's answer to a request, given its injected fault (empty: none, or a slow one already served). */
    @FunctionalInterface
    public interface Answer {
        SimResponse answer(RoutingContext ctx, Optional<Fault> fault);
    }

    /** How an answer leaves, e.g. with the gateway's own headers. */
    @FunctionalInterface
    public interface Delivery {
        Delivery AS_IS = (ctx, response) -> response.send(ctx);

        void deliver(RoutingContext ctx, SimResponse response);
    }

    /**
     * Which faults an operation draws and what the request log calls it.
     *
     * @param id      the operation id in fault rules
     * @param logName the name in the request log (mostly the id)
     */
    public record Operation(String id, FaultKind.Target target, String logName) {
        public static Operation api(String id) {
            return new Operation(id, FaultKind.Target.API, id);
        }

        public static Operation tokenEndpoint(String id) {
            return new Operation(id, FaultKind.Target.TOKEN_ENDPOINT, id);
        }

        public Operation loggedAs(String name) {
            return new Operation(id, target, name);
        }
    }

    private final Vertx vertx;
    private final Faults faults;
    private final RequestLog log;

    public GatewayDispatch(Vertx vertx, Faults faults, RequestLog log) {
        this.vertx = vertx;
        this.faults = faults;
        this.log = log;
    }

    /** An API operation answered by {@code answer} and sent as it is. */
    public Handler<RoutingContext> route(String operationId, Answer answer, Supplier<SimResponse> internalError) {
        return route(Operation.api(operationId), answer, internalError, Delivery.AS_IS);
    }

    public Handler<RoutingContext> route(Operation operation, Answer answer, Supplier<SimResponse> internalError,
                                         Delivery delivery) {
        return ctx -> {
            Optional<Fault> fault = faults.take(operation.id(), operation.target());
            if (fault.isPresent() && fault.get() instanceof Fault.Slow slow) {
                vertx.setTimer(Math.max(1, slow.delay().toMillis()),
                        t -> respond(ctx, operation, answer, internalError, delivery, Optional.empty()));
            } else {
                respond(ctx, operation, answer, internalError, delivery, fault);
            }
        };
    }

    private void respond(RoutingContext ctx, Operation operation, Answer answer, Supplier<SimResponse> internalError,
                         Delivery delivery, Optional<Fault> fault) {
        SimResponse response;
        try {
            response = answer.answer(ctx, fault);
        } catch (RuntimeException e) {
            LOG.log(Level.WARNING, "simulator bug answering " + operation.id(), e);
            response = internalError.get();
        }
        if (fault.isPresent() && fault.get() instanceof Fault.MalformedJson) {
            response = response.garbled();
        }
        delivery.deliver(ctx, response);
        log.record(operation.logName(), response.status());
    }
}
