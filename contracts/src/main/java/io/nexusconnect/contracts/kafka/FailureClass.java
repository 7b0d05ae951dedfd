package io.nexusconnect.contracts.kafka;

import java.io.IOException;
import java.lang.reflect.Method;
import java.sql.SQLException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientException;
import java.util.IdentityHashMap;
import java.util.Map;
import java.util.Set;

/**
 * What a consumer does with a record whose processing failed; the one rule of every consumer in the system.
 * <ul>
 *   <li>{@link #POISON}: the record cannot be decoded or violates its contract. Dead-lettered once, with the reason;
 *   the consumer goes on with the next record.</li>
 *   <li>{@link #TRANSIENT}: a dependency is unavailable (database, network, broker, timeout). Retried with backoff,
 *   in order, for as long as it takes: the consumer never moves past the record (its partition waits), so nothing is
 *   skipped and per-key order holds. Never dead-lettered.</li>
 *   <li>{@link #FAULT}: neither of those, i.e. a defect in the processing. Retried a bounded number of times (it may
 *   be a race), then dead-lettered with the reason so it can be replayed once fixed, instead of holding the partition
 *   for ever.</li>
 * </ul>
 */
public enum FailureClass {
    POISON, TRANSIENT, FAULT;

    /**
     * SQLSTATE classes of a database that is away or busy: connection exceptions (08), insufficient resources (53),
     * operator intervention such as a shutdown (57P), transaction rollback by serialization failure or deadlock (40),
     * lock not available (55P03).
     */
    private static final Set<String> TRANSIENT_SQL_CLASSES = Set.of("08", "53", "40");
    private static final Set<String> TRANSIENT_SQL_STATES = Set.of("57P01", "57P02", "57P03", "55P03", "57014");
    /** Data exceptions (22) and integrity violations (23) are about the record's content: retrying changes nothing. */
    private static final Set<String> POISON_SQL_CLASSES = Set.of("22", "23");

    /** Classifies a failure by the first cause in its chain that says what it is. */
    public static FailureClass of(Throwable failure) {
        Map<Throwable, Boolean> seen = new IdentityHashMap<>();
        for (Throwable t = failure; t != null && seen.put(t, Boolean.TRUE) == null; t = t.getCause()) {
            FailureClass known = classifyOne(t);
            if (known != null) {
                return known;
            }
        }
        return FAULT;
    }

    private static FailureClass classifyOne(Throwable t) {
        if (t instanceof PoisonRecordException) {
            return POISON;
        }
        if (t instanceof TransientFailureException || t instanceof SQLTransientException
                || t instanceof SQLRecoverableException || t instanceof org.apache.kafka.common.errors.RetriableException
                || t instanceof java.util.concurrent.TimeoutException || t instanceof IOException) {
            return TRANSIENT;
        }
        String state = sqlState(t);
        if (state != null && state.length() >= 2) {
            String sqlClass = state.substring(0, 2);
            if (TRANSIENT_SQL_CLASSES.contains(sqlClass) || TRANSIENT_SQL_STATES.contains(state)) {
                return TRANSIENT;
            }
            if (POISON_SQL_CLASSES.contains(sqlClass)) {
                return POISON;
            }
        }
        if (t instanceof SQLException && state == null) {
            // a pool that cannot hand out a connection (acquisition timeout) says so without a SQLSTATE
            return TRANSIENT;
        }
        String name = t.getClass().getSimpleName();
        // reactive drivers' own types (Vert.x, Netty): a closed or refused connection, a pool or request timeout
        if (name.contains("ClosedConnection") || name.contains("ConnectException") || name.contains("Timeout")) {
            return TRANSIENT;
        }
        return null;
    }

    /** The SQLSTATE of a JDBC exception, or of a reactive driver's exception that has {@code getSqlState()}. */
    private static String sqlState(Throwable t) {
        if (t instanceof SQLException sql) {
            return sql.getSQLState();
        }
        try {
            Method getter = t.getClass().getMethod("getSqlState");
            Object state = getter.invoke(t);
            return state instanceof String s ? s : null;
        } catch (ReflectiveOperationException | RuntimeException e) {
            return null;
        }
    }
}
