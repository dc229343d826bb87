package th.tambon.gateway.report;

import th.tambon.gateway.export.Column;
import th.tambon.gateway.export.Sheet;
import th.tambon.gateway.sources.SourcesSheet;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static th.tambon.gateway.export.Sheet.row;

/** An ESA report as sheets: the headline figures, then a sheet per breakdown, and where each section came from. */
public final class EsaReportSheets {
    private EsaReportSheets() {
    }

    public static List<Sheet> of(EsaReport r) {
        List<Sheet> sheets = new ArrayList<>();
        sheets.add(new Sheet("สรุป", List.of(
                Column.text("สพท."), Column.text("ชื่อ สพท."), Column.count("ปีงบประมาณ"), Column.date("วันเริ่มปีงบประมาณ"),
                Column.date("วันสิ้นปีงบประมาณ"), Column.count("โรงเรียนคุณภาพ"), Column.count("กิจกรรมที่จัดแล้ว"),
                Column.count("ผู้เข้าร่วม"), Column.count("เกียรติบัตร"), Column.baht("งบประมาณจัดสรร (บาท)"),
                Column.baht("ผูกพัน (บาท)"), Column.baht("เบิกจ่าย (บาท)"), Column.baht("คงเหลือ (บาท)"),
                Column.percent("ร้อยละการเบิกจ่าย"), Column.count("โรงเรียนที่เข้าถึง"),
                Column.baht("ค่าใช้จ่ายต่อผู้เข้าร่วม (บาท)"), Column.baht("ค่าใช้จ่ายต่อโรงเรียน (บาท)")),
                List.of(row(r.esa(), r.office() == null ? null : r.office().nameTh(), (long) r.fiscalYear(),
                        r.firstDay(), r.lastDay(), r.qualitySchools(), r.activitiesHeld(), r.participantsTotal(),
                        r.certificatesAwarded(), r.allocated(), r.committed(), r.spent(), r.remaining(),
                        r.executionRate(), r.outcomes().schoolsReached(), r.outcomes().costPerParticipant(),
                        r.outcomes().costPerSchoolReached()))));
        if (r.activities() != null) {
            sheets.add(new Sheet("กิจกรรมรายเดือน", List.of(Column.text("เดือน"), Column.count("กิจกรรมที่จัด")),
                    r.activities().heldByMonth().stream().map(m -> row(m.monthTh(), m.held())).toList()));
            sheets.add(counts("กิจกรรมตามประเภท", "ประเภท", r.activities().byType()));
            sheets.add(counts("กิจกรรมตามสถานะ", "สถานะ", r.activities().byState()));
        }
        if (r.budget() != null) {
            List<List<Object>> lines = new ArrayList<>();
            for (EsaReport.Round round : r.budget().rounds()) {
                for (EsaReport.Line line : round.lines()) {
                    EsaReport.Money m = line.money();
                    lines.add(row((long) round.round(), round.receivedOn(), (long) line.line(), line.category(),
                            line.purposeTh(), m.allocated(), m.committed(), m.spent(), m.remaining(), m.executionRate()));
                }
            }
            sheets.add(new Sheet("งบประมาณ", List.of(Column.count("งวดที่"), Column.date("วันที่ได้รับ"),
                    Column.count("รายการที่"), Column.text("หมวด"), Column.text("วัตถุประสงค์"),
                    Column.baht("จัดสรร (บาท)"), Column.baht("ผูกพัน (บาท)"), Column.baht("เบิกจ่าย (บาท)"),
                    Column.baht("คงเหลือ (บาท)"), Column.percent("ร้อยละการเบิกจ่าย")), lines));
        }
        if (r.works() != null) {
            sheets.add(new Sheet("ผลงาน", List.of(Column.count("นำเสนอ"), Column.count("คัดเลือก"),
                    Column.count("ส่ง สพฐ.")), List.of(row(r.works().presented(), r.works().selected(),
                    r.works().forwarded()))));
        }
        if (r.ita() != null) {
            sheets.add(counts("ITA ของโรงเรียน", "ระดับ", r.ita().schoolLevels()));
        }
        sheets.add(SourcesSheet.of(r.sections(), r.staleAsOf()));
        return sheets;
    }

    private static Sheet counts(String name, String header, Map<String, Long> counts) {
        return new Sheet(name, List.of(Column.text(header), Column.count("จำนวน")),
                counts.entrySet().stream().map(e -> row(e.getKey(), e.getValue())).toList());
    }
}
