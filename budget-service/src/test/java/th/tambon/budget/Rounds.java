package th.tambon.budget;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Bodies of OBEC's allocation rounds for tests to send and vary: the Lamphun story's FY2563 rounds among them. */
public final class Rounds {
    public static final String LAMPHUN_ROUND_1_PURPOSE = "ค่าใช้จ่ายในการดำเนินงานและพัฒนาส่งเสริมการศึกษา, การนิเทศ "
            + "กำกับและติดตาม, การจัดการสิ่งแวดล้อมในโรงเรียน และการประเมิน ITA online";
    public static final String SYMPOSIUM_PURPOSE = "ค่าใช้จ่ายในการจัดกิจกรรมแลกเปลี่ยนเรียนรู้ (Symposium) ปีการศึกษา 2563";

    private Rounds() {
    }

    /** P51-1's round 1 of FY2563: 197,000.00 baht on one OPERATING line. */
    public static Map<String, Object> lamphunRound1() {
        return round("197000.00", line(1, "OPERATING", LAMPHUN_ROUND_1_PURPOSE, "197000.00"));
    }

    /** P51-1's round 2 of FY2563: 21,700.00 baht for the Symposium, on one OPERATING line. */
    public static Map<String, Object> lamphunRound2() {
        return round("21700.00", line(1, "OPERATING", SYMPOSIUM_PURPOSE, "21700.00"));
    }

    @SafeVarargs
    public static Map<String, Object> round(Object amount, Map<String, Object>... lines) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("amount", amount);
        body.put("lines", List.of(lines));
        return body;
    }

    public static Map<String, Object> line(int line, String category, String purposeTh, Object amount) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("line", line);
        body.put("category", category);
        body.put("purposeTh", purposeTh);
        body.put("amount", amount);
        return body;
    }

    /** The path of an ESA's round of a fiscal year. */
    public static String path(String esa, int fiscalYear, int round) {
        return "/api/v1/fiscal-years/" + fiscalYear + "/esas/" + esa + "/rounds/" + round;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
