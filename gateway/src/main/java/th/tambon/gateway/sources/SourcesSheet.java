package th.tambon.gateway.sources;

import th.tambon.gateway.export.Column;
import th.tambon.gateway.export.Sheet;

import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

import static th.tambon.gateway.export.Sheet.row;

/** The last sheet of every exported view: each source's status and, for a stale one, when its answer was given. */
public final class SourcesSheet {
    private static final DateTimeFormatter BANGKOK_TIME = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss")
            .withZone(ZoneId.of("Asia/Bangkok"));

    private SourcesSheet() {
    }

    public static Sheet of(Map<String, SectionStatus> sections, Map<String, Instant> staleAsOf) {
        List<List<Object>> rows = new ArrayList<>();
        sections.forEach((name, status) -> rows.add(row(name, status.name(),
                staleAsOf.containsKey(name) ? BANGKOK_TIME.format(staleAsOf.get(name)) : null)));
        return new Sheet("แหล่งข้อมูล", List.of(Column.text("แหล่งข้อมูล"), Column.text("สถานะ"),
                Column.text("ข้อมูล ณ (เวลาประเทศไทย)")), rows);
    }
}
