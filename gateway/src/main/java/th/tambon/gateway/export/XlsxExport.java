package th.tambon.gateway.export;

import org.dhatim.fastexcel.PaperSize;
import org.dhatim.fastexcel.Workbook;
import org.dhatim.fastexcel.Worksheet;

import java.io.IOException;
import java.io.OutputStream;
import java.time.LocalDate;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * One workbook, a sheet per section (fastexcel writes rows out as it goes, flushed every {@link #FLUSH_EVERY} rows):
 * Thai headers in bold, baht as numbers with two decimals, dates as date cells shown in the Buddhist Era in Thai
 * ("28 กันยายน 2563", LibreOffice and Excel; STACK.md).
 */
final class XlsxExport {
    /** Thai locale with the Buddhist calendar, day, month name, year. */
    static final String BE_DATE = "[$-107041E]d mmmm yyyy";
    static final String BAHT = "#,##0.00";
    static final String PERCENT = "0.00";
    private static final int FLUSH_EVERY = 500;
    private static final int MAX_NAME = 31;

    private XlsxExport() {
    }

    static void write(List<Sheet> sheets, OutputStream out) throws IOException {
        Workbook workbook = new Workbook(out, "Tambon", "1.0");
        Set<String> names = new HashSet<>();
        for (Sheet sheet : sheets) {
            Worksheet ws = workbook.newWorksheet(uniqueName(sheet.name(), names));
            // printed as a report is: A4 landscape, every column on the page's width, the headers kept in view
            ws.paperSize(PaperSize.A4_PAPER);
            ws.pageOrientation("landscape");
            ws.setFitToPage(true);
            ws.fitToWidth((short) 1);
            ws.fitToHeight((short) 0);
            ws.freezePane(0, 1);
            List<Column> columns = sheet.columns();
            for (int c = 0; c < columns.size(); c++) {
                ws.value(0, c, columns.get(c).header());
                ws.style(0, c).bold().set();
                ws.width(c, columns.get(c).kind() == Column.Kind.TEXT ? 30 : 18);
            }
            int r = 1;
            for (List<Object> row : sheet.rows()) {
                for (int c = 0; c < row.size(); c++) {
                    write(ws, r, c, columns.get(c).kind(), row.get(c));
                }
                if (r++ % FLUSH_EVERY == 0) {
                    ws.flush();
                }
            }
            ws.finish();
        }
        workbook.finish();
    }

    private static void write(Worksheet ws, int r, int c, Column.Kind kind, Object value) {
        if (value == null) {
            return;
        }
        switch (kind) {
            case COUNT -> ws.value(r, c, ((Number) value).longValue());
            case BAHT -> {
                ws.value(r, c, CsvExport.decimal(value));
                ws.style(r, c).format(BAHT).set();
            }
            case PERCENT -> {
                ws.value(r, c, CsvExport.decimal(value));
                ws.style(r, c).format(PERCENT).set();
            }
            case DATE -> {
                ws.value(r, c, (LocalDate) value);
                ws.style(r, c).format(BE_DATE).set();
            }
            default -> ws.value(r, c, value.toString());
        }
    }

    /** Excel's rules: at most 31 characters, none of []:*?/\, unique in the workbook. */
    private static String uniqueName(String wanted, Set<String> taken) {
        String base = wanted.replaceAll("[\\[\\]:*?/\\\\]", " ");
        base = base.length() > MAX_NAME ? base.substring(0, MAX_NAME) : base;
        String name = base;
        for (int i = 2; !taken.add(name); i++) {
            String suffix = " " + i;
            name = base.substring(0, Math.min(base.length(), MAX_NAME - suffix.length())) + suffix;
        }
        return name;
    }
}
