package th.tambon.gateway.overview;

import th.tambon.gateway.export.Column;
import th.tambon.gateway.export.Sheet;
import th.tambon.gateway.sources.SourcesSheet;

import java.util.Iterator;
import java.util.List;

import static th.tambon.gateway.export.Sheet.row;

/** The overview as a file: a sheet of every filtered ESA row, the totals last; a sheet of the sources' status. */
final class OverviewSheets {
    private static final List<Column> COLUMNS = List.of(Column.text("สพท."), Column.text("ชื่อ สพท."),
            Column.text("ประเภท"), Column.text("รหัสจังหวัด"), Column.text("จังหวัด"), Column.count("โรงเรียน"),
            Column.count("โรงเรียนคุณภาพ"), Column.count("กิจกรรมที่จัดแล้ว"), Column.count("ผู้เข้าร่วม"),
            Column.count("เกียรติบัตร"), Column.count("โรงเรียนที่เข้าถึง"), Column.baht("งบประมาณจัดสรร (บาท)"),
            Column.baht("ผูกพัน (บาท)"), Column.baht("เบิกจ่าย (บาท)"), Column.baht("คงเหลือ (บาท)"),
            Column.percent("ร้อยละการเบิกจ่าย"), Column.baht("ค่าใช้จ่ายต่อผู้เข้าร่วม (บาท)"),
            Column.baht("ค่าใช้จ่ายต่อโรงเรียน (บาท)"));

    private OverviewSheets() {
    }

    static List<Sheet> of(int fiscalYear, ComposingOverviews.Rows all) {
        // rows are turned into cells as the writer reaches them, the totals after the last
        Iterable<List<Object>> rows = () -> new Iterator<>() {
            private final Iterator<OverviewRow> next = all.rows().iterator();
            private boolean totalsGiven;

            @Override
            public boolean hasNext() {
                return next.hasNext() || !totalsGiven;
            }

            @Override
            public List<Object> next() {
                if (next.hasNext()) {
                    return cells(next.next());
                }
                totalsGiven = true;
                return cells(all.totals());
            }
        };
        return List.of(new Sheet("ภาพรวม ปีงบประมาณ " + fiscalYear, COLUMNS, rows),
                SourcesSheet.of(all.sections(), all.staleAsOf()));
    }

    private static List<Object> cells(OverviewRow r) {
        return row(OverviewRows.ALL.equals(r.esa()) ? "รวม" : r.esa(), r.nameTh(), r.kind(), r.provinceCode(),
                r.province(), r.schools(), r.qualitySchools(), r.activitiesHeld(), r.participantsTotal(),
                r.certificatesAwarded(), r.schoolsReached(), r.allocated(), r.committed(), r.spent(), r.remaining(),
                r.executionRate(), r.costPerParticipant(), r.costPerSchoolReached());
    }
}
