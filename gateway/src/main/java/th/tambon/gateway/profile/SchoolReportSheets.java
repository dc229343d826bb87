package th.tambon.gateway.profile;

import th.tambon.gateway.export.Column;
import th.tambon.gateway.export.Sheet;
import th.tambon.gateway.sources.Answers;
import th.tambon.gateway.sources.SourcesSheet;

import java.util.ArrayList;
import java.util.List;

import static th.tambon.gateway.export.Sheet.row;

/** A school's profile as sheets: the school, its designations, networks, plans, activities, certificates, works, ITA. */
final class SchoolReportSheets {
    private static final List<Column> ACTIVITY = List.of(Column.text("รหัสอ้างอิง"), Column.text("ประเภท"),
            Column.text("ชื่อกิจกรรม"), Column.text("สถานะ"), Column.date("วันที่"), Column.count("ผู้เข้าร่วม"),
            Column.baht("ค่าใช้จ่ายจริง (บาท)"), Column.text("การเบิกจ่าย"));

    private SchoolReportSheets() {
    }

    static List<Sheet> of(SchoolReport r) {
        List<Sheet> sheets = new ArrayList<>();
        Answers.School s = r.school();
        sheets.add(new Sheet("โรงเรียน", List.of(Column.text("รหัสโรงเรียน"), Column.text("ชื่อโรงเรียน"),
                Column.text("สพท."), Column.text("จังหวัด"), Column.text("อำเภอ"), Column.text("ตำบล"),
                Column.text("ผู้อำนวยการ"), Column.text("สถานะโรงเรียนคุณภาพ"), Column.baht("งบที่ใช้กับกิจกรรมที่เป็นเจ้าภาพ (บาท)")),
                List.of(row(r.code(), s == null ? null : s.nameTh(), s == null ? null : s.esa(),
                        s == null ? null : s.province(), s == null ? null : s.district(), s == null ? null : s.tambon(),
                        s == null ? null : s.director(), s == null ? null : s.qualityStatus(), r.spentOnHosted()))));
        if (r.designations() != null) {
            sheets.add(new Sheet("การแต่งตั้ง", List.of(Column.text("สถานะ"), Column.date("วันที่เสนอชื่อ"),
                    Column.date("วันที่แต่งตั้ง"), Column.date("เริ่มเป็นโรงเรียนคุณภาพ"), Column.date("วันที่ถอน")),
                    r.designations().stream().map(d -> row(d.status(), d.nominatedOn(), d.designatedOn(),
                            d.activeFrom(), d.withdrawnOn())).toList()));
            sheets.add(new Sheet("เครือข่าย", List.of(Column.text("สพท."), Column.text("โรงเรียนประธาน"),
                    Column.text("ประธานเครือข่าย"), Column.count("สมาชิก"), Column.text("เป็นประธาน")),
                    r.networks().stream().map(n -> row(n.esa(), n.chairSchoolNameTh(), n.chairPerson(),
                            n.memberCount(), n.isChair() ? "ใช่" : "ไม่ใช่")).toList()));
            sheets.add(new Sheet("แผนพัฒนา", List.of(Column.count("ปีการศึกษา"), Column.text("สถานะ"),
                    Column.text("เหตุผลที่ส่งคืน")), r.plans().stream().map(p -> row((long) p.academicYear(),
                    p.status(), p.returnReason())).toList()));
        }
        if (r.hosted() != null) {
            sheets.add(new Sheet("กิจกรรมที่เป็นเจ้าภาพ", ACTIVITY, r.hosted().stream().map(SchoolReportSheets::activity).toList()));
            sheets.add(new Sheet("กิจกรรมที่เข้าร่วม", ACTIVITY, r.attended().stream().map(SchoolReportSheets::activity).toList()));
            sheets.add(new Sheet("เกียรติบัตร", List.of(Column.text("เลขที่"), Column.date("วันที่"), Column.text("สถานะ")),
                    r.certificates().stream().map(c -> row(c.printedNumber(), c.givenOn(), c.status())).toList()));
            sheets.add(new Sheet("ผลงาน", List.of(Column.text("ชื่อผลงาน"), Column.text("ด้าน"), Column.text("สถานะ")),
                    r.works().stream().map(w -> row(w.title(), w.track(), w.status())).toList()));
            sheets.add(new Sheet("ITA", List.of(Column.count("ปีงบประมาณ"), Column.percent("คะแนน"), Column.text("ระดับ")),
                    r.ita().stream().map(i -> row((long) i.fiscalYear(), i.score(), i.level())).toList()));
        }
        sheets.add(SourcesSheet.of(r.sections(), r.staleAsOf()));
        return sheets;
    }

    private static List<Object> activity(Answers.Activity a) {
        return row(a.ref(), a.type(), a.titleTh(), a.state(), a.startsOn(), a.participants(), a.actualCost(), a.spending());
    }
}
