package th.tambon.events.certificate.web;

/**
 * The public lookup as a page in Thai, what a QR code on a certificate opens: whether the certificate is valid
 * ("เกียรติบัตรนี้ถูกต้อง") or was revoked ("เกียรติบัตรนี้ถูกยกเลิกแล้ว" with the day), and what it states. Every text
 * is escaped; the page loads nothing else.
 */
final class VerificationPage {
    private VerificationPage() {
    }

    static String of(VerificationView v) {
        boolean valid = "VALID".equals(v.status());
        String verdict = valid ? "เกียรติบัตรนี้ถูกต้อง"
                : "เกียรติบัตรนี้ถูกยกเลิกแล้ว เมื่อวันที่ " + v.revokedOnTh();
        StringBuilder rows = new StringBuilder();
        row(rows, "เลขที่", v.number());
        row(rows, "มอบให้", v.recipientTitle() == null ? v.recipient() : v.recipient() + " " + v.recipientTitle());
        row(rows, "กิจกรรม", v.activity());
        row(rows, "หน่วยงานที่ออก", v.esa());
        row(rows, "ให้ไว้ ณ วันที่", v.givenOnTh());
        row(rows, "ผู้ลงนาม", v.chair() + " " + v.chairTitle());
        return page("ผลการตรวจสอบเกียรติบัตร", """
                <p class="verdict %s">%s</p>
                <table>
                %s</table>""".formatted(valid ? "valid" : "revoked", escape(verdict), rows));
    }

    static String unknown() {
        return page("ไม่พบเกียรติบัตร", """
                <p class="verdict revoked">ไม่พบเกียรติบัตรที่มีรหัสตรวจสอบนี้</p>
                <p>โปรดตรวจสอบรหัสหรือที่อยู่ที่พิมพ์บนเกียรติบัตรอีกครั้ง</p>""");
    }

    private static void row(StringBuilder rows, String label, String value) {
        rows.append("<tr><th>").append(escape(label)).append("</th><td>").append(escape(value))
                .append("</td></tr>\n");
    }

    private static String page(String title, String body) {
        return """
                <!doctype html>
                <html lang="th"><head><meta charset="utf-8">
                <meta name="viewport" content="width=device-width, initial-scale=1">
                <meta name="robots" content="noindex">
                <title>%s</title>
                <style>body{font-family:Sarabun,Tahoma,sans-serif;margin:2rem auto;max-width:40rem;padding:0 1rem}
                .verdict{font-size:1.5rem;font-weight:bold}.valid{color:#1b5e20}.revoked{color:#b71c1c}
                th{text-align:left;padding:.3rem 1rem .3rem 0;vertical-align:top}td{padding:.3rem 0}</style>
                </head><body>
                <h1>%s</h1>
                %s
                </body></html>
                """.formatted(escape(title), escape(title), body);
    }

    static String escape(String text) {
        StringBuilder out = new StringBuilder(text.length());
        for (char c : text.toCharArray()) {
            switch (c) {
                case '<' -> out.append("&lt;");
                case '>' -> out.append("&gt;");
                case '&' -> out.append("&amp;");
                case '"' -> out.append("&quot;");
                case '\'' -> out.append("&#39;");
                default -> out.append(c);
            }
        }
        return out.toString();
    }
}
