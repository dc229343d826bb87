package th.tambon.schools;

import io.micronaut.runtime.server.EmbeddedServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.TestHttp;
import th.tambon.testkit.TestTokens;

import javax.sql.DataSource;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

/**
 * With a registry of 12,000 schools, the list's filters and the name search are served by indexes on the service's
 * own connections (their plans, not timings: speed is measured in bench/list.sh).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SearchingManySchoolsTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private EmbeddedServer server;

    @BeforeAll
    void start() {
        server = infra.startService();
        TestHttp obec = new TestHttp(server.getURL().toString()).as(TestTokens.admin());
        assertThat(obec.post("/api/v1/esas", TestHttp.json(Fixtures.buriram4())).status()).isEqualTo(201);
        assertThat(obec.post("/api/v1/schools", TestHttp.json(Fixtures.banHuaFai())).status()).isEqualTo(201);
        // 12,000 more rows, as the generator would make them, written directly: only their number matters here
        try (Connection connection = infra.database().connect(); Statement statement = connection.createStatement()) {
            // names of two or three parts, like bin/dev generate's; the search key drops the tone marks as SearchKey does
            statement.execute("SELECT setseed(0.2563)");
            statement.execute("""
                    INSERT INTO school (code, name_th, esa, province, district, tambon, tambon_code, quality_status,
                                        search_key, registered_at, version)
                    SELECT (31500000 + n)::text, name, 'P31-4', 'บุรีรัมย์', 'แคนดง', 'ดอนบ่อ',
                           '3150' || lpad((n % 99 + 1)::text, 2, '0'), CASE WHEN n % 3 = 0 THEN 'ACTIVE' ELSE 'NONE' END,
                           translate(name, '่้๊๋็์', ''), now(), 1
                    FROM (SELECT n, 'โรงเรียนบ้าน' || p[1 + floor(random() * 40)::int] || p[1 + floor(random() * 40)::int]
                                 || CASE WHEN n % 3 = 0 THEN '' ELSE p[1 + floor(random() * 40)::int] END AS name
                          FROM generate_series(1, 12000) n,
                               (SELECT ARRAY['หัว', 'ฝาย', 'หนอง', 'ดอน', 'โคก', 'ทุ่ง', 'น้ำ', 'ใหญ่', 'ม่วง', 'ค้อ', 'แก้ว',
                                       'ท่า', 'ไม้', 'ป่า', 'สว่าง', 'กุ่ม', 'เหล่า', 'บัว', 'ศรี', 'สำราญ', 'โพธิ์', 'ไทร',
                                       'ตะเคียน', 'ห้วย', 'ยาง', 'เก่า', 'ใหม่', 'ขาม', 'สร้าง', 'ค่าย', 'นา', 'คำ', 'แสง',
                                       'ทอง', 'เจริญ', 'พัฒนา', 'สุข', 'บ่อ', 'เขื่อน', 'ด่าน'] AS p) parts) named""");
            statement.execute("ANALYZE school");
        } catch (java.sql.SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    @Test
    void a_name_search_is_served_by_the_trigram_index_not_a_sequential_scan() throws Exception {
        List<String> plan = plan("SELECT * FROM school WHERE search_key LIKE '%หนอง%' ORDER BY name_th, code LIMIT 50");

        assertThat(String.join("\n", plan)).contains("school_search_key").doesNotContain("Seq Scan");
        TestHttp viewer = new TestHttp(server.getURL().toString()).as(TestTokens.viewer());
        assertThat(viewer.get("/api/v1/schools?q=" + URLEncoder.encode("หัวฝาย", StandardCharsets.UTF_8)).json()
                .get("items").findValuesAsText("code")).contains("31040001");
    }

    @Test
    void an_esas_quality_schools_by_thai_name_are_found_through_indexes() throws Exception {
        List<String> plan = plan("SELECT * FROM school WHERE esa = 'P31-4' AND quality_status = 'ACTIVE' "
                + "ORDER BY name_th, code LIMIT 50");

        assertThat(String.join("\n", plan)).containsPattern("Index|Bitmap").doesNotContain("Seq Scan");
    }

    /** The plan PostgreSQL makes for the statement on a connection of the service's own pool. */
    private List<String> plan(String sql) throws Exception {
        List<String> lines = new ArrayList<>();
        DataSource pool = io.micronaut.data.connection.jdbc.advice.DelegatingDataSource.unwrapDataSource(
                server.getApplicationContext().getBean(DataSource.class));
        try (Connection connection = pool.getConnection();
             Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("EXPLAIN " + sql)) {
            while (rows.next()) {
                lines.add(rows.getString(1));
            }
        }
        return lines;
    }
}
