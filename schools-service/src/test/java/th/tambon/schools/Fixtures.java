package th.tambon.schools;

import java.util.LinkedHashMap;
import java.util.Map;

/** Request bodies from the seed stories (สพป.บุรีรัมย์ เขต 4, โรงเรียนบ้านหัวฝาย). */
final class Fixtures {
    private Fixtures() {
    }

    static Map<String, Object> buriram4() {
        Map<String, Object> esa = new LinkedHashMap<>();
        esa.put("code", "P31-4");
        esa.put("kind", "PRIMARY");
        esa.put("zone", 4);
        esa.put("provinceCode", "31");
        esa.put("province", "บุรีรัมย์");
        esa.put("nameTh", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาบุรีรัมย์ เขต 4");
        esa.put("nameEn", "Buriram Primary Educational Service Area Office 4");
        return esa;
    }

    static Map<String, Object> lamphun1() {
        Map<String, Object> esa = new LinkedHashMap<>();
        esa.put("code", "P51-1");
        esa.put("kind", "PRIMARY");
        esa.put("zone", 1);
        esa.put("provinceCode", "51");
        esa.put("province", "ลำพูน");
        esa.put("nameTh", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1");
        esa.put("nameEn", "Lamphun Primary Educational Service Area Office 1");
        return esa;
    }

    static Map<String, Object> lampangSecondary() {
        Map<String, Object> esa = new LinkedHashMap<>();
        esa.put("code", "S35-1");
        esa.put("kind", "SECONDARY");
        esa.put("zone", 1);
        esa.put("provinceCode", "35");
        esa.put("province", "ยโสธร");
        esa.put("nameTh", "สำนักงานเขตพื้นที่การศึกษามัธยมศึกษายโสธร");
        esa.put("nameEn", "Yasothon Secondary Educational Service Area Office");
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
