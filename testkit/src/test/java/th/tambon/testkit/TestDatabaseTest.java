package th.tambon.testkit;

import org.junit.jupiter.api.Test;

import java.sql.Connection;
import java.sql.ResultSet;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

class TestDatabaseTest {

    @Test
    void a_test_database_is_fresh_and_gone_after_close() throws Exception {
        TestDatabase database = TestDatabase.create("TestDatabaseTest");
        try (Connection connection = database.connect();
             ResultSet tables = connection.createStatement().executeQuery(
                     "SELECT count(*) FROM information_schema.tables WHERE table_schema = 'public'")) {
            tables.next();
            assertThat(tables.getInt(1)).isZero();
        }
        database.close();
        assertThatThrownBy(database::connect).hasMessageContaining(database.name());
    }
}
