package th.tambon.schools.school.infrastructure;

import jakarta.inject.Singleton;
import th.tambon.schools.school.model.School;
import th.tambon.schools.shared.Page;
import th.tambon.schools.shared.PageRequest;
import th.tambon.schools.shared.Sql;

import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** The {@code school} table. */
@Singleton
public class SchoolStore {
    private static final String COLUMNS =
            "code, name_th, name_en, esa, province, district, tambon, tambon_code, director, registered_at";
    private final Sql sql;

    public SchoolStore(Sql sql) {
        this.sql = sql;
    }

    /** Inserts the school; false when one with the same code exists (also under a concurrent insert). */
    public boolean insert(School school) {
        return sql.update("INSERT INTO school (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?) ON CONFLICT DO NOTHING",
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
                }) == 1;
    }

    public Optional<School> find(String code) {
        return sql.one("SELECT " + COLUMNS + " FROM school WHERE code = ?", s -> s.setString(1, code), SchoolStore::map);
    }

    /** Schools filtered by ESA and/or tambon code (either may be null), ordered by code. */
    public Page<School> list(String esa, String tambonCode, PageRequest page) {
        List<String> conditions = new ArrayList<>();
        List<String> values = new ArrayList<>();
        if (esa != null) {
            conditions.add("esa = ?");
            values.add(esa);
        }
        if (tambonCode != null) {
            conditions.add("tambon_code = ?");
            values.add(tambonCode);
        }
        String where = conditions.isEmpty() ? "" : " WHERE " + String.join(" AND ", conditions);
        long total = sql.count("SELECT count(*) FROM school" + where, s -> {
            for (int i = 0; i < values.size(); i++) {
                s.setString(i + 1, values.get(i));
            }
        });
        var items = sql.query("SELECT " + COLUMNS + " FROM school" + where + " ORDER BY code LIMIT ? OFFSET ?", s -> {
            for (int i = 0; i < values.size(); i++) {
                s.setString(i + 1, values.get(i));
            }
            s.setInt(values.size() + 1, page.size());
            s.setInt(values.size() + 2, page.offset());
        }, SchoolStore::map);
        return new Page<>(items, page.page(), page.size(), total);
    }

    private static School map(ResultSet row) throws SQLException {
        return new School(row.getString(1), row.getString(2), row.getString(3), row.getString(4), row.getString(5),
                row.getString(6), row.getString(7), row.getString(8), row.getString(9), row.getTimestamp(10).toInstant());
    }
}
