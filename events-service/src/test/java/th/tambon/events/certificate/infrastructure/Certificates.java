package th.tambon.events.certificate.infrastructure;

import java.time.LocalDate;
import th.tambon.events.certificate.model.PrintedCertificate;

/** Certificates as Lamphun's primary education office prints them. */
final class Certificates {

    static final String OFFICE = "สำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1";
    static final String SYMPOSIUM =
            "การประชุมแลกเปลี่ยนเรียนรู้ (Symposium) โรงเรียนคุณภาพประจำตำบล ปีการศึกษา 2563";

    private Certificates() {
    }

    static PrintedCertificate banHuaFai() {
        return new PrintedCertificate(OFFICE, "ที่ 12/2563", "โรงเรียนบ้านหัวฝาย", "ได้เข้าร่วมกิจกรรม", SYMPOSIUM,
                LocalDate.of(2020, 9, 28), "ดร.สุวิทย์ มุกดาภิรมย์", "ผู้อำนวยการ" + OFFICE,
                "K7QF-3MXR-9TWD-2PZL", "https://tambon.example.go.th/verify/K7QF-3MXR-9TWD-2PZL", false);
    }

    static PrintedCertificate numbered(int number) {
        PrintedCertificate c = banHuaFai();
        String code = "CODE-" + number;
        return new PrintedCertificate(c.office(), "ที่ " + number + "/2563", "โรงเรียนที่ " + number, c.achievement(),
                c.activity(), c.givenOn(), c.chairName(), c.chairTitle(), code,
                "https://tambon.example.go.th/verify/" + code, false);
    }

    static PrintedCertificate to(String recipient, String activity, String chairName) {
        PrintedCertificate c = banHuaFai();
        return new PrintedCertificate(c.office(), c.number(), recipient, c.achievement(), activity, c.givenOn(),
                chairName, c.chairTitle(), c.verificationCode(), c.verificationUrl(), false);
    }

    static PrintedCertificate revoked() {
        PrintedCertificate c = banHuaFai();
        return new PrintedCertificate(c.office(), c.number(), c.recipient(), c.achievement(), c.activity(),
                c.givenOn(), c.chairName(), c.chairTitle(), c.verificationCode(), c.verificationUrl(), true);
    }
}
