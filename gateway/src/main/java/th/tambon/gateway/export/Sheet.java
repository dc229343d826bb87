package th.tambon.gateway.export;

import java.util.Arrays;
import java.util.List;

/**
 * A section of an export: a sheet of the workbook, a block of the CSV. Rows are read once, as they are written out,
 * so a long one need not be held in memory by the writer. A null value is an empty cell.
 */
public record Sheet(String name, List<Column> columns, Iterable<List<Object>> rows) {

    /** A row's values, in the columns' order (nulls allowed, unlike List.of). */
    public static List<Object> row(Object... values) {
        return Arrays.asList(values);
    }
}
