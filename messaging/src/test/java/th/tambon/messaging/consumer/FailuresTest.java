package th.tambon.messaging.consumer;

import io.micronaut.data.exceptions.DataAccessException;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import th.tambon.messaging.PoisonMessageException;

import java.sql.SQLException;

import static org.assertj.core.api.Assertions.assertThat;

class FailuresTest {

    @ParameterizedTest(name = "SQL state {0}")
    @ValueSource(strings = {
            "25006", // read_only_sql_transaction: a primary demoted by a failover
            "53100", "53200", "53400", // disk full, out of memory, configuration limit exceeded
            "58030", // io_error
            "XX001", "XX002", // data or index corrupted
            "55P03", "57014", // lock or statement timeout, e.g. behind a long migration
            "08006", "57P01", "53300"})
    void a_condition_of_the_database_is_waited_out_not_blamed_on_the_record(String state) {
        SQLException cause = new SQLException("the database says no", state);

        assertThat(Failures.of(new DataAccessException("could not apply", cause))).isEqualTo(Failures.INFRASTRUCTURE);
    }

    @ParameterizedTest(name = "SQL state {0}")
    @ValueSource(strings = {"40P01", "40001"})
    void a_deadlock_or_serialization_failure_is_retried_for_a_while(String state) {
        assertThat(Failures.of(new IllegalStateException(new SQLException("conflict", state))))
                .isEqualTo(Failures.TRANSIENT);
    }

    @ParameterizedTest(name = "SQL state {0}")
    @ValueSource(strings = {"23505", "22P02", "42P01"})
    void a_statement_the_record_made_fail_is_the_record_s_fault(String state) {
        assertThat(Failures.of(new DataAccessException("bad", new SQLException("bad", state))))
                .isEqualTo(Failures.RECORD);
    }

    @org.junit.jupiter.api.Test
    void an_error_is_the_jvm_s_or_the_code_s_condition_wherever_it_is_wrapped() {
        assertThat(Failures.of(new StackOverflowError())).isEqualTo(Failures.BROKEN);
    }

    @org.junit.jupiter.api.Test
    void a_poison_verdict_wins_over_anything_it_wraps() {
        assertThat(Failures.of(new PoisonMessageException("not ours"))).isEqualTo(Failures.POISON);
    }
}
