package th.tambon.schools.network.infrastructure;

import io.micronaut.core.annotation.Introspected;
import io.micronaut.core.annotation.Nullable;
import io.micronaut.data.annotation.Query;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.model.query.builder.sql.Dialect;
import io.micronaut.data.repository.CrudRepository;
import th.tambon.schools.network.model.Network;

import java.util.HashSet;
import java.util.List;
import java.util.Optional;

/** The {@code network} table with its members, in terms of {@link Network}. */
@JdbcRepository(dialect = Dialect.POSTGRES)
public interface NetworkRepository extends CrudRepository<NetworkRow, String> {

    @Query("SELECT school FROM network_member WHERE esa = :esa ORDER BY school")
    List<String> memberCodes(String esa);

    /**
     * The networks the school is in, as chair school or member (a chair school is a member, so the member test alone
     * would do), by ESA code, each with its chair school's Thai name and how many members it has.
     */
    @Query("""
            SELECT n.esa, n.chair_school, c.name_th AS chair_school_name_th, n.chair_person,
                   (SELECT count(*) FROM network_member m WHERE m.esa = n.esa) AS member_count
            FROM network n LEFT JOIN school c ON c.code = n.chair_school
            WHERE n.chair_school = :school
               OR EXISTS (SELECT 1 FROM network_member m WHERE m.esa = n.esa AND m.school = :school)
            ORDER BY n.esa""")
    List<Membership> memberships(String school);

    default Optional<Network> find(String esa) {
        return findById(esa).map(row -> new Network(row.esa(), row.chairSchool(), row.chairPerson(),
                new HashSet<>(memberCodes(esa))));
    }

    /** A network as one of its schools sees it: its chair (none while it has none) and its size. */
    @Introspected
    record Membership(String esa, @Nullable String chairSchool, @Nullable String chairSchoolNameTh,
                      @Nullable String chairPerson, long memberCount) {
    }
}
