package io.nexusconnect.sims.common.faults;

import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;

/**
 * The fault injector of a simulator. A request takes the first (oldest) rule that names its operation (or {@code *})
 * and whose kind can hit its endpoint: token-endpoint kinds never hit API calls and the other way round, and
 * {@code *} never hits the token endpoint (name it by the operation name its simulator logs it under) so "everything
 * fails" scenarios still get tokens.
 */
public final class Faults {
    public static final String ANY_OPERATION = "*";

    private final List<MutableRule> rules = new ArrayList<>();
    private final AtomicLong ids = new AtomicLong();

    /** The next {@code times} matching requests get {@code fault}. */
    public FaultRule inject(String operation, Fault fault, int times) {
        if (times < 1) {
            throw new IllegalArgumentException("times must be at least 1");
        }
        return add(operation, fault, times, false);
    }

    /** The next matching request gets {@code fault}. */
    public FaultRule next(String operation, Fault fault) {
        return inject(operation, fault, 1);
    }

    /** Every matching request gets {@code fault} until {@link #clear()} or {@link #remove(String)}. */
    public FaultRule persistent(String operation, Fault fault) {
        return add(operation, fault, 0, true);
    }

    public synchronized void clear() {
        rules.clear();
    }

    public synchronized boolean remove(String ruleId) {
        return rules.removeIf(r -> r.id.equals(ruleId));
    }

    public synchronized List<FaultRule> active() {
        return rules.stream().map(MutableRule::snapshot).toList();
    }

    /** Used by the endpoints: consumes one use of the first applicable rule. */
    public synchronized Optional<Fault> take(String operationId, FaultKind.Target endpoint) {
        Iterator<MutableRule> it = rules.iterator();
        while (it.hasNext()) {
            MutableRule rule = it.next();
            if (!applies(rule, operationId, endpoint)) {
                continue;
            }
            if (!rule.persistent && --rule.remaining == 0) {
                it.remove();
            }
            return Optional.of(rule.fault);
        }
        return Optional.empty();
    }

    private static boolean applies(MutableRule rule, String operationId, FaultKind.Target endpoint) {
        boolean wildcard = ANY_OPERATION.equals(rule.operation);
        if (!wildcard && !rule.operation.equals(operationId)) {
            return false;
        }
        if (wildcard && endpoint == FaultKind.Target.TOKEN_ENDPOINT) {
            return rule.fault.kind().target() == FaultKind.Target.TOKEN_ENDPOINT;
        }
        FaultKind.Target target = rule.fault.kind().target();
        return target == FaultKind.Target.ANY || target == endpoint;
    }

    private synchronized FaultRule add(String operation, Fault fault, int times, boolean persistent) {
        Objects.requireNonNull(operation, "operation");
        Objects.requireNonNull(fault, "fault");
        MutableRule rule = new MutableRule("fault-" + ids.incrementAndGet(), operation, fault, times, persistent);
        rules.add(rule);
        return rule.snapshot();
    }

    private static final class MutableRule {
        final String id;
        final String operation;
        final Fault fault;
        final boolean persistent;
        int remaining;

        MutableRule(String id, String operation, Fault fault, int remaining, boolean persistent) {
            this.id = id;
            this.operation = operation;
            this.fault = fault;
            this.remaining = remaining;
            this.persistent = persistent;
        }

        FaultRule snapshot() {
            return new FaultRule(id, operation, fault, remaining, persistent);
        }
    }
}
