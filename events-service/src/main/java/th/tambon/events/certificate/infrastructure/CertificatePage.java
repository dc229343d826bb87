package th.tambon.events.certificate.infrastructure;

import com.lowagie.text.Chunk;
import com.lowagie.text.DocumentException;
import com.lowagie.text.Element;
import com.lowagie.text.Font;
import com.lowagie.text.Image;
import com.lowagie.text.Paragraph;
import com.lowagie.text.Phrase;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.ColumnText;
import com.lowagie.text.pdf.PdfContentByte;
import com.lowagie.text.pdf.PdfGState;
import com.lowagie.text.pdf.PdfWriter;
import java.awt.Color;
import java.time.chrono.ThaiBuddhistChronology;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Locale;
import th.tambon.events.certificate.model.PrintedCertificate;

/**
 * Draws one certificate on the current page (A4 landscape, 842 × 595 pt). Thai paragraphs are centred, never
 * justified (OpenPDF justifies by spacing characters, which breaks the shaped clusters), at 1.5 lines so that lower
 * vowels clear the next line's upper marks; names stay on one line and shrink instead of wrapping.
 */
final class CertificatePage {

    static final String REVOKED = "ยกเลิกแล้ว";
    static final String LEAD_IN = "มอบเกียรติบัตรฉบับนี้ไว้เพื่อแสดงว่า";

    private static final DateTimeFormatter BE_DATE = DateTimeFormatter
            .ofPattern("d MMMM 'พ.ศ.' yyyy", Locale.forLanguageTag("th-TH"))
            .withChronology(ThaiBuddhistChronology.INSTANCE);

    private static final float WIDTH = 842;
    private static final float LINES = 1.5f;
    private static final Color INK = new Color(0x1a, 0x1a, 0x1a);
    private static final Color NAVY = new Color(0x1f, 0x3a, 0x68);
    private static final Color GOLD = new Color(0xb0, 0x86, 0x1b);
    private static final Color RED = new Color(0xc6, 0x28, 0x28);

    // the body's frame, between the number (top right) and the signature
    private static final float BODY_LEFT = 110;
    private static final float BODY_RIGHT = 732;
    private static final float BODY_TOP = 540;
    private static final float BODY_BOTTOM = 190;
    // the signature block sits under the space left for the signature itself
    private static final float SIGN_LEFT = 161;
    private static final float SIGN_RIGHT = 681;
    private static final float SIGN_NAME_BASELINE = 132;
    // the QR code, bottom left, with its code and address under it
    private static final float QR_X = 44;
    private static final float QR_Y = 62;
    private static final float QR_SIZE = 92;

    private final PdfWriter writer;
    private final PdfContentByte canvas;
    private final BaseFont regular;
    private final BaseFont bold;

    CertificatePage(PdfWriter writer, BaseFont regular, BaseFont bold) {
        this.writer = writer;
        this.canvas = writer.getDirectContent();
        this.regular = regular;
        this.bold = bold;
    }

    void draw(PrintedCertificate certificate) throws DocumentException {
        frame();
        ColumnText.showTextAligned(canvas, Element.ALIGN_RIGHT,
                new Phrase(certificate.number(), new Font(regular, 16, Font.NORMAL, INK)), WIDTH - 48, 548, 0);
        body(certificate);
        signature(certificate);
        verification(certificate);
        if (certificate.revoked()) {
            revokedMark();
        }
    }

    private void frame() {
        PdfContentByte under = writer.getDirectContentUnder();
        under.saveState();
        under.setColorStroke(NAVY);
        under.setLineWidth(3f);
        under.rectangle(16, 16, WIDTH - 32, 595 - 32);
        under.stroke();
        under.setColorStroke(GOLD);
        under.setLineWidth(0.8f);
        under.rectangle(24, 24, WIDTH - 48, 595 - 48);
        under.stroke();
        under.restoreState();
    }

    /** Office, lead-in, recipient, what for and date, centred in their frame; smaller type only if they overflow it. */
    private void body(PrintedCertificate certificate) throws DocumentException {
        float height = BODY_TOP - BODY_BOTTOM;
        for (float scale = 1f; ; scale -= 0.05f) {
            ColumnText trial = bodyColumn(certificate, scale, BODY_TOP);
            boolean fits = !ColumnText.hasMoreText(trial.go(true));
            if (fits) {
                float used = BODY_TOP - trial.getYLine();
                bodyColumn(certificate, scale, BODY_TOP - (height - used) / 2).go();
                return;
            }
            if (scale < 0.55f) {
                throw new IllegalArgumentException(
                        "the certificate's texts do not fit on its page even at half size: shorten the activity");
            }
        }
    }

    private ColumnText bodyColumn(PrintedCertificate certificate, float scale, float top) {
        ColumnText column = new ColumnText(canvas);
        column.setSimpleColumn(BODY_LEFT, BODY_BOTTOM, BODY_RIGHT, top);
        column.setUseAscender(true);
        float width = BODY_RIGHT - BODY_LEFT;
        List<Paragraph> paragraphs = List.of(
                thai(certificate.office(), bold, 26 * scale, INK, 14 * scale),
                thai(LEAD_IN, regular, 20 * scale, INK, 6 * scale),
                oneLine(certificate.recipient(), bold, 38 * scale, NAVY, width, 8 * scale),
                whatFor(certificate, scale),
                thai("ให้ไว้ ณ วันที่ " + BE_DATE.format(certificate.givenOn()), regular, 20 * scale, INK, 0));
        paragraphs.forEach(column::addElement);
        return column;
    }

    private Paragraph whatFor(PrintedCertificate certificate, float scale) {
        Paragraph paragraph = thai(certificate.achievement() + " ", regular, 20 * scale, INK, 10 * scale);
        paragraph.add(thaiChunk(certificate.activity(), new Font(bold, 20 * scale, Font.NORMAL, INK)));
        return paragraph;
    }

    private void signature(PrintedCertificate certificate) throws DocumentException {
        ColumnText column = new ColumnText(canvas);
        column.setSimpleColumn(SIGN_LEFT, 30, SIGN_RIGHT, SIGN_NAME_BASELINE + 18);
        column.setUseAscender(true);
        column.addElement(oneLine("(" + certificate.chairName() + ")", regular, 18, INK, SIGN_RIGHT - SIGN_LEFT, 0));
        Paragraph title = thai(certificate.chairTitle(), regular, 18, INK, 0);
        title.setMultipliedLeading(1.4f);
        column.addElement(title);
        if (ColumnText.hasMoreText(column.go())) {
            throw new IllegalArgumentException("chairTitle does not fit under the signature: shorten it");
        }
    }

    private void verification(PrintedCertificate certificate) throws DocumentException {
        Image qr = VerificationQr.of(certificate.verificationUrl());
        qr.scaleAbsolute(QR_SIZE, QR_SIZE);
        qr.setAbsolutePosition(QR_X, QR_Y);
        canvas.addImage(qr);
        // aligned with the dark modules, not with the quiet zone around them
        float x = QR_X + 4 * QR_SIZE / qr.getWidth();
        Phrase code = new Phrase("รหัสตรวจสอบ " + certificate.verificationCode(),
                new Font(regular, 9, Font.NORMAL, INK));
        if (certificate.revoked()) {
            code.add(new Chunk("  " + REVOKED, new Font(bold, 9, Font.NORMAL, RED)));
        }
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT, code, x, 50, 0);
        ColumnText.showTextAligned(canvas, Element.ALIGN_LEFT,
                new Phrase(certificate.verificationUrl(), new Font(regular, 8, Font.NORMAL, INK)), x, 39, 0);
    }

    private void revokedMark() {
        canvas.saveState();
        PdfGState translucent = new PdfGState();
        translucent.setFillOpacity(0.45f);
        canvas.setGState(translucent);
        ColumnText.showTextAligned(canvas, Element.ALIGN_CENTER,
                new Phrase(REVOKED, new Font(bold, 120, Font.NORMAL, RED)), WIDTH / 2, 250, 20);
        canvas.restoreState();
    }

    private static Paragraph thai(String text, BaseFont font, float size, Color color, float spacingAfter) {
        Paragraph paragraph = new Paragraph();
        paragraph.add(thaiChunk(text, new Font(font, size, Font.NORMAL, color)));
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setMultipliedLeading(LINES);
        paragraph.setSpacingAfter(spacingAfter);
        return paragraph;
    }

    private static Chunk thaiChunk(String text, Font font) {
        Chunk chunk = new Chunk(text, font);
        chunk.setSplitCharacter(ThaiLineBreaks.INSTANCE);
        return chunk;
    }

    /** A name on one line: the given size, or smaller so that it fits (shaped width can exceed the sum of advances). */
    private static Paragraph oneLine(String text, BaseFont font, float size, Color color, float width,
                                     float spacingAfter) {
        float fitted = Math.min(size, size * 0.95f * width / font.getWidthPoint(text, size));
        Paragraph paragraph = new Paragraph(new Chunk(text, new Font(font, fitted, Font.NORMAL, color)));
        paragraph.setAlignment(Element.ALIGN_CENTER);
        paragraph.setLeading(size * 1.4f);
        paragraph.setSpacingAfter(spacingAfter);
        return paragraph;
    }
}
