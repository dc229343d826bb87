package th.tambon.events;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Request bodies of the seed stories' activities, for tests to send and vary. */
public final class Activities {
    private Activities() {
    }

    /** The Buriram workshop of 21 July 2020 at Ban Hua Fai, without funding. */
    public static Map<String, Object> buriramWorkshop(String ref) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("esa", "P31-4");
        body.put("ref", ref);
        body.put("type", "WORKSHOP");
        body.put("titleTh", "ประชุมปฏิบัติการขับเคลื่อนโรงเรียนคุณภาพประจำตำบล (1 ตำบล 1 โรงเรียนคุณภาพ)");
        body.put("tracks", List.of("ITA", "INNOVATION", "OCCUPATION", "QUALITY_CLASSROOM", "ENVIRONMENT"));
        body.put("venueSchool", "31040001");
        body.put("venue", "ห้องประชุมโรงเรียนบ้านหัวฝาย");
        body.put("chair", "ดร.จำปา จันทะสอน");
        body.put("chairTitle", "ผู้อำนวยการโรงเรียนบ้านหัวฝาย ประธานเครือข่ายโรงเรียนคุณภาพ");
        body.put("start", "2020-07-21T09:00:00+07:00");
        body.put("end", "2020-07-21T16:00:00+07:00");
        body.put("agenda", List.of("ภาพรวมการดำเนินการที่ผ่านมา", "ปัญหาและอุปสรรค"));
        return body;
    }

    /** The Lamphun symposium of 28 September 2020, funded from round 2, line 1 of FY2563. */
    public static Map<String, Object> lamphunSymposium(String ref) {
        Map<String, Object> body = new LinkedHashMap<>();
        body.put("esa", "P51-1");
        body.put("ref", ref);
        body.put("type", "SYMPOSIUM");
        body.put("titleTh", "กิจกรรมแลกเปลี่ยนเรียนรู้ (Symposium) ปีการศึกษา 2563 ตามโครงการโรงเรียนคุณภาพประจำตำบล");
        body.put("tracks", List.of("INNOVATION"));
        body.put("venue", "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1");
        body.put("organiser", "กลุ่มนิเทศ ติดตามและประเมินผลการจัดการศึกษา");
        body.put("chair", "ดร.สุวิทย์ มุกดาภิรมย์");
        body.put("chairTitle", "ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1");
        body.put("start", "2020-09-28T08:30:00+07:00");
        body.put("end", "2020-09-28T16:30:00+07:00");
        body.put("agenda", List.of("มอบเกียรติบัตรโรงเรียนคุณภาพประจำตำบล", "นำเสนอผลงานนวัตกรรม"));
        body.put("funding", Map.of("fiscalYear", 2563, "round", 2, "line", 1, "estimate", "21700.00"));
        return body;
    }

    public static Map<String, Object> with(Map<String, Object> body, String field, Object value) {
        Map<String, Object> copy = new LinkedHashMap<>(body);
        copy.put(field, value);
        return copy;
    }
}
