package th.tambon.gateway.export;

/** What a view is answered as: {@code format=json} (default), {@code csv} or {@code xlsx}. */
public enum ExportFormat {
    JSON, CSV, XLSX;

    public static final String CSV_TYPE = "text/csv";
    public static final String XLSX_TYPE = "application/vnd.openxmlformats-officedocument.spreadsheetml.sheet";
}
