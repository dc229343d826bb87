package th.tambon.replica.schools;

import io.micronaut.context.annotation.Factory;
import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import th.tambon.contracts.Topics;
import th.tambon.contracts.schools.EsaRegistered;
import th.tambon.contracts.schools.SchoolRegistered;
import th.tambon.messaging.consumer.EventContext;
import th.tambon.messaging.consumer.Subscription;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.sql.Timestamp;

/**
 * Keeps {@code schools_replica.esa} and {@code schools_replica.school} true to schools.v1. Runs in the kit's transaction with the
 * inbox row, so a redelivered event changes nothing; {@code version} counts the events applied to a row.
 */
@Factory
public class ReplicaProjector {
    private final TransactionOperations<Connection> transactions;

    public ReplicaProjector(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    @Singleton
    Subscription schoolsReplica() {
        return Subscription.named("schools-replica")
                .from(Topics.producerOf(Topics.SCHOOLS_V1).orElseThrow())
                .on(EsaRegistered.class, this::apply)
                .on(SchoolRegistered.class, this::apply);
    }

    void apply(EsaRegistered esa, EventContext context) {
        execute("""
                INSERT INTO schools_replica.esa AS replica (code, kind, zone, province_code, province, name_th, name_en, director,
                                         registered_at, version, last_event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                ON CONFLICT (code) DO UPDATE SET kind = excluded.kind, zone = excluded.zone,
                    province_code = excluded.province_code, province = excluded.province, name_th = excluded.name_th,
                    name_en = excluded.name_en, director = excluded.director, registered_at = excluded.registered_at,
                    version = replica.version + 1, last_event_id = excluded.last_event_id, updated_at = now()""",
                s -> {
                    s.setString(1, esa.code());
                    s.setString(2, esa.kind());
                    s.setInt(3, esa.zone());
                    s.setString(4, esa.provinceCode());
                    s.setString(5, esa.province());
                    s.setString(6, esa.nameTh());
                    s.setString(7, esa.nameEn());
                    s.setString(8, esa.director());
                    s.setTimestamp(9, Timestamp.from(esa.registeredAt()));
                    s.setString(10, context.event().id());
                });
    }

    void apply(SchoolRegistered school, EventContext context) {
        execute("""
                INSERT INTO schools_replica.school AS replica (code, name_th, name_en, esa, province, district, tambon, tambon_code,
                                            director, registered_at, version, last_event_id)
                VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, 1, ?)
                ON CONFLICT (code) DO UPDATE SET name_th = excluded.name_th, name_en = excluded.name_en,
                    esa = excluded.esa, province = excluded.province, district = excluded.district,
                    tambon = excluded.tambon, tambon_code = excluded.tambon_code, director = excluded.director,
                    registered_at = excluded.registered_at, version = replica.version + 1,
                    last_event_id = excluded.last_event_id, updated_at = now()""",
                s -> {
                    s.setString(1, school.code());
                    s.setString(2, school.nameTh());
                    s.setString(3, school.nameEn());
                    s.setString(4, school.esa());
                    s.setString(5, school.province());
                    s.setString(6, school.district());
                    s.setString(7, school.tambon());
                    s.setString(8, school.tambonCode());
                    s.setString(9, school.director());
                    s.setTimestamp(10, Timestamp.from(school.registeredAt()));
                    s.setString(11, context.event().id());
                });
    }

    private interface Binder {
        void bind(PreparedStatement statement) throws SQLException;
    }

    private void execute(String sql, Binder binder) {
        try (PreparedStatement statement = transactions.getConnection().prepareStatement(sql)) {
            binder.bind(statement);
            statement.executeUpdate();
        } catch (SQLException e) {
            throw new IllegalStateException("Replica update failed", e);
        }
    }
}
