package th.tambon.importer.check;

import java.io.PrintStream;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;

/**
 * The outcome of a check: its table's rows (an unreadable report is one row standing for its eight figures), a note for
 * each unreadable report saying why, how many reports and attempts, and how long it took until the last one began.
 */
public record Checked(List<Row> rows, List<String> notes, int reports, int attempts, Duration took) {
    private static final String GAP = "  ";

    public boolean ok() {
        return rows.stream().allMatch(Row::ok);
    }

    /** Every figure of every report, those of unreadable reports included. */
    int figures() {
        return reports * Figure.values().length;
    }

    /** The figures not as the file expects: marked ✗, those of an unreadable report included. */
    int failed() {
        return failed(Row.Mark.DIFFERS) + failed(Row.Mark.SECTION_NOT_OK) + failed(Row.Mark.UNREADABLE);
    }

    private int failed(Row.Mark mark) {
        return rows.stream().filter(row -> row.mark() == mark)
                .mapToInt(row -> mark == Row.Mark.UNREADABLE ? Figure.values().length : 1).sum();
    }

    /**
     * The table, with columns as wide as their widest cell as a terminal shows it (a Thai tone mark or vowel above or
     * below its consonant takes no column), the notes, and one sentence saying how it went.
     */
    public void print(PrintStream out) {
        String[] header = {"esa", "fiscalYear", "field", "expected", "actual", ""};
        int[] widths = new int[header.length];
        for (int column = 0; column < header.length; column++) {
            widths[column] = width(header[column]);
        }
        for (Row row : rows) {
            String[] cells = cells(row);
            for (int column = 0; column < cells.length; column++) {
                widths[column] = Math.max(widths[column], width(cells[column]));
            }
        }
        out.println(line(header, widths));
        rows.forEach(row -> out.println(line(cells(row), widths)));
        notes.forEach(note -> out.println("  " + note));
        if (ok()) {
            out.println("All " + figures() + " figures of " + reports + " reports are as the file expects."
                    + (attempts == 1 ? "" : " It took " + attempts + " attempts over " + took.toSeconds() + " s."));
        } else {
            List<String> why = new ArrayList<>();
            if (failed(Row.Mark.DIFFERS) > 0) {
                why.add(failed(Row.Mark.DIFFERS) + " differ");
            }
            if (failed(Row.Mark.SECTION_NOT_OK) > 0) {
                why.add(failed(Row.Mark.SECTION_NOT_OK) + " from a section of the report that is not OK");
            }
            if (failed(Row.Mark.UNREADABLE) > 0) {
                why.add(failed(Row.Mark.UNREADABLE) + " of reports that could not be read");
            }
            out.println(failed() + " of " + figures() + " figures of " + reports + " reports are not as the file "
                    + "expects: " + String.join(", ", why) + (attempts == 1 ? "" : "; still so after " + attempts
                    + " attempts over " + took.toSeconds() + " s") + ".");
        }
    }

    private static String[] cells(Row row) {
        return new String[]{row.esa(), Integer.toString(row.fiscalYear()), row.field(), row.expected(), row.actual(),
                row.ok() ? "✓" : "✗"};
    }

    private static String line(String[] cells, int[] widths) {
        StringBuilder line = new StringBuilder();
        for (int column = 0; column < cells.length; column++) {
            if (column > 0) {
                line.append(GAP);
            }
            line.append(cells[column]).append(" ".repeat(widths[column] - width(cells[column])));
        }
        return line.toString().stripTrailing();
    }

    /** The columns {@code text} takes on a terminal: combining marks none, East Asian wide letters two. */
    static int width(String text) {
        int width = 0;
        for (int i = 0; i < text.length(); ) {
            int point = text.codePointAt(i);
            i += Character.charCount(point);
            int type = Character.getType(point);
            if (type == Character.NON_SPACING_MARK || type == Character.ENCLOSING_MARK || type == Character.FORMAT) {
                continue;
            }
            Character.UnicodeScript script = Character.UnicodeScript.of(point);
            width += script == Character.UnicodeScript.HAN || script == Character.UnicodeScript.HANGUL
                    || script == Character.UnicodeScript.HIRAGANA || script == Character.UnicodeScript.KATAKANA ? 2 : 1;
        }
        return width;
    }
}
