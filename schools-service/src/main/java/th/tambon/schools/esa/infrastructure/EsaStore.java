package th.tambon.schools.esa.infrastructure;

import jakarta.inject.Singleton;
import th.tambon.schools.esa.model.Esa;
import th.tambon.schools.esa.model.EsaKind;
import th.tambon.schools.shared.Page;
import th.tambon.schools.shared.PageRequest;
import th.tambon.schools.shared.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.Optional;

/** The {@code esa} table. */
@Singleton
public class EsaStore {
    private static final String COLUMNS =
            "code, kind, zone, province_code, province, name_th, name_en, director, registered_at";
    private final Sql sql;

    public EsaStore(Sql sql) {
        this.sql = sql;
    }

    public boolean exists(String code) {
        return sql.count("SELECT count(*) FROM esa WHERE code = ?", s -> s.setString(1, code)) > 0;
    }

    /** Inserts the ESA; false when one with the same code exists (also under a concurrent insert). */
    public boolean insert(Esa esa) {
        return sql.update("INSERT INTO esa (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
                s -> {
                    s.setString(1, esa.code());
                    s.setString(2, esa.kind().name());
                    s.setInt(3, esa.zone());
                    s.setString(4, esa.provinceCode());
                    s.setString(5, esa.province());
                    s.setString(6, esa.nameTh());
                    s.setString(7, esa.nameEn());
                    s.setString(8, esa.director());
                    s.setTimestamp(9, Timestamp.from(esa.registeredAt()));
                }) == 1;
    }

    public Optional<Esa> find(String code) {
        return sql.one("SELECT " + COLUMNS + " FROM esa WHERE code = ?", s -> s.setString(1, code), EsaStore::map);
    }

    public Page<Esa> list(String provinceCode, PageRequest page) {
        String where = provinceCode == null ? "" : " WHERE province_code = ?";
        long total = sql.count("SELECT count(*) FROM esa" + where, s -> {
            if (provinceCode != null) {
                s.setString(1, provinceCode);
            }
        });
        var items = sql.query("SELECT " + COLUMNS + " FROM esa" + where + " ORDER BY code LIMIT ? OFFSET ?", s -> {
            int i = 1;
            if (provinceCode != null) {
                s.setString(i++, provinceCode);
            }
            s.setInt(i++, page.size());
            s.setInt(i, page.offset());
        }, EsaStore::map);
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static Esa map(ResultSet row) throws SQLException {
        return new Esa(row.getString(1), EsaKind.valueOf(row.getString(2)), row.getInt(3), row.getString(4),
                row.getString(5), row.getString(6), row.getString(7), row.getString(8),
                row.getTimestamp(9).toInstant());
    }
}
