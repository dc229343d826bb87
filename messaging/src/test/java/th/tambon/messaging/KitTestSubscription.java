package th.tambon.messaging;

import io.micronaut.context.annotation.Factory;
import io.micronaut.context.annotation.Requires;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import th.tambon.contracts.schools.SchoolRegistered;
import th.tambon.messaging.consumer.Subscription;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/**
 * A subscription for the kit's tests: counts how often each school was applied; fails for names starting "FAIL";
 * accepts events from the kit tests' outbox ({@code /tambon/kit-test}) and hand-made records ({@code /tambon/test}).
 */
@Factory
@Requires(property = "kit-test.subscription", value = "true")
class KitTestSubscription {

    @Singleton
    Subscription appliedSchools(TransactionOperations<Connection> transactions) {
        return Subscription.named("applied-schools").from("/tambon/kit-test", "/tambon/test")
                .on(SchoolRegistered.class, (school, context) -> {
            if (school.nameTh().startsWith("FAIL")) {
                throw new IllegalStateException("handler refuses " + school.code());
            }
            try (PreparedStatement upsert = transactions.getConnection().prepareStatement("""
                    INSERT INTO applied_school (code, times) VALUES (?, 1)
                    ON CONFLICT (code) DO UPDATE SET times = applied_school.times + 1""")) {
                upsert.setString(1, school.code());
                upsert.executeUpdate();
            } catch (SQLException e) {
                throw new IllegalStateException(e);
            }
        });
    }
}
