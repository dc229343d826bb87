package th.tambon.importer.check;

import org.junit.jupiter.api.Test;

import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;

import static org.assertj.core.api.Assertions.assertThat;

class CheckedTest {
    @Test
    void a_thai_value_takes_as_many_columns_as_its_letters_on_the_line_so_the_marks_stay_in_one_column() {
        // ผู้อำนวยการ: 11 code points, of which ู and ้ sit on their letter and take no column
        Checked checked = new Checked(List.of(
                new Row("P31-4", 2563, "qualitySchools", "40", "ผู้อำนวยการ", Row.Mark.DIFFERS),
                new Row("P31-4", 2563, "activitiesHeld", "1", "1", Row.Mark.AS_EXPECTED)), List.of(), 1, 1,
                Duration.ZERO);
        ByteArrayOutputStream bytes = new ByteArrayOutputStream();

        checked.print(new PrintStream(bytes, true, StandardCharsets.UTF_8));

        List<String> lines = bytes.toString(StandardCharsets.UTF_8).lines().toList();
        assertThat(Checked.width("ผู้อำนวยการ")).isEqualTo(9);
        assertThat(lines.get(1)).endsWith("ผู้อำนวยการ  ✗");
        assertThat(lines.get(2)).endsWith("1" + " ".repeat(8) + "  ✓");
        assertThat(Checked.width(lines.get(1))).isEqualTo(Checked.width(lines.get(2)));
    }
}
