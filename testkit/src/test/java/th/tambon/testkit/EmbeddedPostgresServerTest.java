package th.tambon.testkit;

import org.junit.jupiter.api.Test;
import th.tambon.testkit.postgres.Databases;
import th.tambon.testkit.postgres.EmbeddedPostgresServer;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;

/** The fallback for machines without a PostgreSQL server: a real one, embedded, that takes databases. */
class EmbeddedPostgresServerTest {

    @Test
    void the_embedded_server_creates_serves_and_drops_a_database() throws Exception {
        try (EmbeddedPostgresServer embedded = EmbeddedPostgresServer.start()) {
            assertThat(Databases.createIfMissing(embedded.server(), "fallback_check")).isTrue();
            try (Connection connection = embedded.server().connect("fallback_check");
                 ResultSet version = connection.createStatement().executeQuery("SHOW server_version_num")) {
                version.next();
                assertThat(version.getInt(1)).isGreaterThanOrEqualTo(140000);
            }
            Databases.drop(embedded.server(), "fallback_check");
            assertThat(Databases.createIfMissing(embedded.server(), "fallback_check")).as("dropped, so created anew").isTrue();
        }
    }
}
