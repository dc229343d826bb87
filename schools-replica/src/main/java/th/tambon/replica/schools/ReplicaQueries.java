package th.tambon.replica.schools;

import io.micronaut.transaction.TransactionOperations;
import jakarta.inject.Singleton;
import th.tambon.http.PageView;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads of the replica tables, each in a read-only transaction. */
@Singleton
public class ReplicaQueries {
    private static final String ESA_COLUMNS = "code, kind, zone, province_code, province, name_th, name_en, director, "
            + "registered_at, version, last_event_id, updated_at";
    private static final String SCHOOL_COLUMNS = "code, name_th, name_en, esa, province, district, tambon, tambon_code, "
            + "director, registered_at, version, last_event_id, updated_at";

    private final TransactionOperations<Connection> transactions;

    public ReplicaQueries(TransactionOperations<Connection> transactions) {
        this.transactions = transactions;
    }

    public Optional<ReplicaViews.EsaReplica> esa(String code) {
        return query("SELECT " + ESA_COLUMNS + " FROM schools_replica.esa WHERE code = ?", List.of(code), ReplicaQueries::esa)
                .stream().findFirst();
    }

    public Optional<ReplicaViews.SchoolReplica> school(String code) {
        return query("SELECT " + SCHOOL_COLUMNS + " FROM schools_replica.school WHERE code = ?", List.of(code),
                ReplicaQueries::school).stream().findFirst();
    }

    public PageView<ReplicaViews.EsaReplica> esas(int page, int size) {
        long total = query("SELECT count(*) FROM schools_replica.esa", List.of(), r -> r.getLong(1)).get(0);
        var items = query("SELECT " + ESA_COLUMNS + " FROM schools_replica.esa ORDER BY code LIMIT ? OFFSET ?",
                List.of(size, page * size), ReplicaQueries::esa);
        return PageView.of(items, page, size, total);
    }

    public PageView<ReplicaViews.SchoolReplica> schools(String esa, int page, int size) {
        String where = esa == null ? "" : " WHERE esa = ?";
        List<Object> filter = esa == null ? List.of() : List.of(esa);
        long total = query("SELECT count(*) FROM schools_replica.school" + where, filter, r -> r.getLong(1)).get(0);
        List<Object> params = new ArrayList<>(filter);
        params.add(size);
        params.add(page * size);
        var items = query("SELECT " + SCHOOL_COLUMNS + " FROM schools_replica.school" + where + " ORDER BY code LIMIT ? OFFSET ?",
                params, ReplicaQueries::school);
        return PageView.of(items, page, size, total);
    }

    private interface Mapper<T> {
        T map(ResultSet row) throws SQLException;
    }

    private <T> List<T> query(String sql, List<Object> params, Mapper<T> mapper) {
        return transactions.executeRead(status -> {
            try (PreparedStatement statement = status.getConnection().prepareStatement(sql)) {
                for (int i = 0; i < params.size(); i++) {
                    statement.setObject(i + 1, params.get(i));
                }
                try (ResultSet rows = statement.executeQuery()) {
                    List<T> result = new ArrayList<>();
                    while (rows.next()) {
                        result.add(mapper.map(rows));
                    }
                    return result;
                }
            }
        });
    }

    private static ReplicaViews.EsaReplica esa(ResultSet r) throws SQLException {
        return new ReplicaViews.EsaReplica(r.getString(1), r.getString(2), r.getInt(3), r.getString(4), r.getString(5),
                r.getString(6), r.getString(7), r.getString(8), r.getTimestamp(9).toInstant(), r.getInt(10),
                r.getString(11), r.getTimestamp(12).toInstant());
    }

    private static ReplicaViews.SchoolReplica school(ResultSet r) throws SQLException {
        return new ReplicaViews.SchoolReplica(r.getString(1), r.getString(2), r.getString(3), r.getString(4),
                r.getString(5), r.getString(6), r.getString(7), r.getString(8), r.getString(9),
                r.getTimestamp(10).toInstant(), r.getInt(11), r.getString(12), r.getTimestamp(13).toInstant());
    }
}
