package th.tambon.schools;

import th.tambon.testkit.TestHttp;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies from the seed stories (สพป.บุรีรัมย์ เขต 4, โรงเรียนบ้านหัวฝาย). */
final class Fixtures {
    private Fixtures() {
    }

    static Map<String, Object> buriram4() {
        return esa("P31-4", "PRIMARY", 4, "31", "บุรีรัมย์", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 4",
                "Buriram Primary Educational Service Area Office 4");
    }

    static Map<String, Object> lamphun1() {
        return esa("P51-1", "PRIMARY", 1, "51", "ลำพูน", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1",
                "Lamphun Primary Educational Service Area Office 1");
    }

    static Map<String, Object> yasothonSecondary() {
        return esa("S35-1", "SECONDARY", 1, "35", "ยโสธร", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษายโสธร",
                "Yasothon Secondary Educational Service Area Office");
    }

    private static Map<String, Object> esa(String code, String kind, int zone, String provinceCode, String province,
                                           String nameTh, String nameEn) {
        Map<String, Object> esa = new LinkedHashMap<>();
        esa.put("code", code);
        esa.put("kind", kind);
        esa.put("zone", zone);
        esa.put("provinceCode", provinceCode);
        esa.put("province", province);
        esa.put("nameTh", nameTh);
        esa.put("nameEn", nameEn);
        return esa;
    }

    static Map<String, Object> banHuaFai() {
        Map<String, Object> school = new LinkedHashMap<>();
        school.put("code", "31040001");
        school.put("nameTh", "โรงเรียนบ้านหัวฝาย");
        school.put("esa", "P31-4");
        school.put("province", "บุรีรัมย์");
        school.put("district", "แคนดง");
        school.put("tambon", "หัวฝาย");
        school.put("tambonCode", "312104");
        school.put("director", "ดร.จำปา จันทะสอน");
        return school;
    }

    /**
     * A primary ESA of a province the seed stories do not use ({@code P33-1}), for a test whose events must not share a
     * key with another test's on the broker every test class shares.
     */
    static Map<String, Object> primaryEsa(String provinceCode, int zone) {
        return esa("P" + provinceCode + "-" + zone, "PRIMARY", zone, provinceCode, "จังหวัด " + provinceCode,
                "สพป. จังหวัด " + provinceCode + " เขต " + zone, "Primary ESA " + provinceCode + " zone " + zone);
    }

    /** A school of that ESA in that tambon (its province's code first), named after its code. */
    static Map<String, Object> school(String code, String esa, String tambonCode) {
        return with(with(with(with(banHuaFai(), "code", code), "esa", esa), "tambonCode", tambonCode),
                "nameTh", "โรงเรียน " + code);
    }

    /** Ban Hua Fai's details as an update sends them (its code, ESA and tambon code are fixed), with its students. */
    static Map<String, Object> banHuaFaiUpdate(int students) {
        return with(with(with(with(banHuaFai(), "code", null), "esa", null), "tambonCode", null), "students", students);
    }

    /** The body of a plan's step: its status and, when not null, the reason (RETURNED needs one). */
    static String planStep(String status, String reason) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("status", status);
        if (reason != null) {
            body.put("reason", reason);
        }
        return TestHttp.json(body);
    }

    static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        if (value == null) {
            copy.remove(field);
        } else {
            copy.put(field, value);
        }
        return copy;
    }
}
