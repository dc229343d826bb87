package th.tambon.gateway.export;

import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVPrinter;
import th.tambon.http.ThaiDates;

import java.io.IOException;
import java.io.OutputStream;
import java.io.OutputStreamWriter;
import java.io.Writer;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.nio.charset.StandardCharsets;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;

/**
 * CSV as Excel reads it: UTF-8 with a byte order mark (without it Excel shows Thai as mojibake), Excel's dialect. Sheets
 * follow one another, each under a row with its name when there are several, a blank row between them.
 */
final class CsvExport {
    private CsvExport() {
    }

    static void write(List<Sheet> sheets, OutputStream out) throws IOException {
        Writer writer = new OutputStreamWriter(out, StandardCharsets.UTF_8);
        writer.write('\uFEFF');
        CSVPrinter csv = new CSVPrinter(writer, CSVFormat.EXCEL);
        boolean first = true;
        for (Sheet sheet : sheets) {
            if (!first) {
                csv.println();
            }
            first = false;
            if (sheets.size() > 1) {
                csv.printRecord(sheet.name());
            }
            csv.printRecord(sheet.columns().stream().map(Column::header).toList());
            for (List<Object> row : sheet.rows()) {
                List<String> cells = new ArrayList<>(row.size());
                for (int i = 0; i < row.size(); i++) {
                    cells.add(cell(sheet.columns().get(i).kind(), row.get(i)));
                }
                csv.printRecord(cells);
            }
        }
        csv.flush();
    }

    private static String cell(Column.Kind kind, Object value) {
        if (value == null) {
            return "";
        }
        return switch (kind) {
            case DATE -> ThaiDates.format((LocalDate) value);
            case BAHT, PERCENT -> decimal(value).setScale(2, RoundingMode.HALF_UP).toPlainString();
            default -> value.toString();
        };
    }

    static BigDecimal decimal(Object value) {
        return value instanceof BigDecimal d ? d : new BigDecimal(value.toString());
    }
}
