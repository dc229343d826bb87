package th.tambon.gateway.activity;

import th.tambon.gateway.export.Column;
import th.tambon.gateway.export.Sheet;
import th.tambon.gateway.sources.Answers;
import th.tambon.gateway.sources.SourcesSheet;

import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

import static th.tambon.gateway.export.Sheet.row;

/** An activity's report as sheets: the activity, its history, its participants by role, its certificates. */
final class ActivityReportSheets {
    private static final ZoneId BANGKOK = ZoneId.of("Asia/Bangkok");
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm");

    private ActivityReportSheets() {
    }

    static List<Sheet> of(ActivityReport r) {
        List<Sheet> sheets = new ArrayList<>();
        ActivityReport.Activity a = r.activity();
        ActivityReport.Funding f = a == null ? null : a.funding();
        sheets.add(new Sheet("กิจกรรม", List.of(Column.text("รหัสกิจกรรม"), Column.text("รหัสอ้างอิง"),
                Column.text("สพท."), Column.text("ชื่อกิจกรรม"), Column.text("ประเภท"), Column.text("สถานะ"),
                Column.text("เหตุผล"), Column.date("วันที่"), Column.text("สถานที่"), Column.text("ผู้จัด"),
                Column.text("ประธาน"), Column.count("ปีงบประมาณ"), Column.count("งวดที่"), Column.count("รายการที่"),
                Column.baht("งบประมาณที่ขอ (บาท)"), Column.count("คำขอครั้งที่"), Column.baht("ค่าใช้จ่ายจริง (บาท)"),
                Column.text("การเบิกจ่าย"), Column.text("ข้อความจากระบบงบประมาณ"), Column.count("ผู้เข้าร่วม"),
                Column.count("เกียรติบัตร")),
                List.of(row(r.id(), a == null ? null : a.ref(), a == null ? null : a.esa(),
                        a == null ? null : a.titleTh(), a == null ? null : a.typeTh(), a == null ? null : a.stateTh(),
                        a == null ? null : a.reason(), a == null ? null : a.startsOn(), a == null ? null : a.venue(),
                        a == null ? null : a.organiser(), a == null ? null : a.chair(),
                        f == null ? null : (long) f.fiscalYear(), f == null ? null : (long) f.round(),
                        f == null ? null : (long) f.line(), f == null ? null : f.estimate(),
                        f == null || f.request() == null ? null : (long) f.request(), a == null ? null : a.actualCost(),
                        f == null ? null : f.spending(), f == null ? null : f.spendingMessage(),
                        r.participation() == null ? null : r.participation().total(),
                        r.certificatesTotal()))));
        if (a != null) {
            sheets.add(new Sheet("ความเป็นมา", List.of(Column.date("วันที่"), Column.text("เวลา"),
                    Column.text("การเปลี่ยนแปลง"), Column.text("สถานะ"), Column.text("ผู้บันทึก"), Column.text("เหตุผล")),
                    r.history().stream().map(ActivityReportSheets::step).toList()));
            List<List<Object>> roles = new ArrayList<>();
            Answers.Participation p = r.participation();
            if (p != null) {
                p.byRole().forEach((role, count) -> roles.add(row(role, count)));
                roles.add(row("รวม", p.total()));
            }
            sheets.add(new Sheet("ผู้เข้าร่วม", List.of(Column.text("บทบาท"), Column.count("จำนวน")), roles));
            sheets.add(new Sheet("เกียรติบัตร", List.of(Column.text("เลขที่"), Column.text("ผู้รับ"),
                    Column.text("รหัสโรงเรียน"), Column.date("วันที่"), Column.text("สถานะ"), Column.text("รหัสตรวจสอบ")),
                    r.certificates().stream().map(c -> row(c.printedNumber(), c.recipient(), c.school(), c.givenOn(),
                            c.status(), c.verificationCode())).toList()));
        }
        sheets.add(SourcesSheet.of(r.sections(), r.staleAsOf()));
        return sheets;
    }

    /** A change's day in Bangkok as a date cell, its time beside it. */
    private static List<Object> step(Answers.Step s) {
        var at = s.recordedAt().atZone(BANGKOK);
        return row(at.toLocalDate(), TIME.format(at), s.change(), s.state(), s.recordedBy(), s.reason());
    }
}
