package th.tambon.messaging.consumer;

import th.tambon.messaging.PoisonMessageException;
import th.tambon.messaging.cloudevents.InvalidCloudEventException;

import java.net.ConnectException;
import java.sql.SQLException;
import java.sql.SQLNonTransientConnectionException;
import java.sql.SQLRecoverableException;
import java.sql.SQLTransientConnectionException;
import java.util.Set;

/** What kind of failure stopped a record, which decides whether it is retried, waited out or dead-lettered. */
enum Failures {
    /** Can never be applied: not a CloudEvent, data that breaks its schema, a handler's verdict. Dead-lettered at once. */
    POISON,
    /**
     * The database cannot take any record now (unreachable, read-only, out of disk or memory, failing I/O, locked or
     * slowed by other work): not the record's fault. Waited out, never dead-lettered.
     */
    INFRASTRUCTURE,
    /** Deadlock or serialization failure, a conflict with other work: retried for a while, then dead-lettered. */
    TRANSIENT,
    /** The JVM or the code is broken ({@link Error}): not the record's fault. Waited out; readiness says so. */
    BROKEN,
    /** The handler failed: retried a few times, then dead-lettered. */
    RECORD;

    /** deadlock_detected, serialization_failure. */
    private static final Set<String> TRANSIENT_STATES = Set.of("40P01", "40001");
    /**
     * read_only_sql_transaction (a primary demoted by a failover), lock_not_available and query_canceled (a lock or
     * statement timeout, e.g. behind a long migration), data_corrupted and index_corrupted (a damaged database).
     */
    private static final Set<String> DATABASE_CONDITIONS = Set.of("25006", "55P03", "57014", "XX001", "XX002");

    static Failures of(Throwable failure) {
        if (failure instanceof Error) {
            return BROKEN;
        }
        Failures found = RECORD;
        for (Throwable t = failure; t != null; t = t.getCause() == t ? null : t.getCause()) {
            if (t instanceof PoisonMessageException || t instanceof InvalidCloudEventException) {
                return POISON;
            }
            if (isUnreachable(t)) {
                return INFRASTRUCTURE;
            }
            if (t instanceof SQLException sql && sql.getSQLState() != null
                    && TRANSIENT_STATES.contains(sql.getSQLState())) {
                found = TRANSIENT;
            }
        }
        return found;
    }

    /** Whether the database cannot take any record now, whatever the record. */
    private static boolean isUnreachable(Throwable t) {
        if (t instanceof SQLTransientConnectionException || t instanceof SQLNonTransientConnectionException
                || t instanceof SQLRecoverableException || t instanceof ConnectException) {
            return true;
        }
        // 08: connection exception; 57P01-03: the server shut down or is starting; 53: insufficient resources (disk
        // full, out of memory, too many connections, a configuration limit); 58: system errors (I/O)
        if (t instanceof SQLException sql && sql.getSQLState() != null) {
            String state = sql.getSQLState();
            return state.startsWith("08") || state.startsWith("57P") || state.startsWith("53") || state.startsWith("58")
                    || DATABASE_CONDITIONS.contains(state);
        }
        return t.getClass().getSimpleName().equals("CannotGetJdbcConnectionException");
    }
}
