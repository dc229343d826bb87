package th.tambon.events.certificate.infrastructure;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ChecksumException;
import com.google.zxing.FormatException;
import com.google.zxing.NotFoundException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import java.awt.image.BufferedImage;
import java.text.BreakIterator;
import java.util.List;
import java.util.Locale;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import th.tambon.events.certificate.model.PrintedCertificate;

class CertificatePdfTest {

    private final CertificatePdf pdf = new CertificatePdf();

    @Test
    void a_certificate_says_in_thai_as_written_who_received_it_for_what_when_and_who_signed() {
        String text = PdfPages.of(pdf.render(Certificates.banHuaFai())).text(1);

        assertThat(text)
                .contains("โรงเรียนบ้านหัวฝาย")
                .contains("ที่ 12/2563")
                .contains("ให้ไว้ ณ วันที่ 28 กันยายน พ.ศ. 2563")
                .contains("ดร.สุวิทย์ มุกดาภิรมย์")
                .contains("ผู้อำนวยการสำนักงานเขตพื้นที่การศึกษาประถมศึกษาลำพูน เขต 1")
                .contains("รหัสตรวจสอบ K7QF-3MXR-9TWD-2PZL")
                .contains("https://tambon.example.go.th/verify/K7QF-3MXR-9TWD-2PZL")
                .containsIgnoringWhitespaces("ได้เข้าร่วมกิจกรรม " + Certificates.SYMPOSIUM);
    }

    @Test
    void names_with_tailed_letters_stacked_marks_and_sara_am_come_back_as_written() {
        String recipient = "นางสาวญาณิศา ฤทธิ์ฐิติกำจร";
        String activity = "การอบรมเชิงปฏิบัติการ ฟื้นฟูฝั่งน้ำปิง ปั้นกิ่งพันธุ์ไม้ ปลูกฝังความกตัญญูกตเวที";
        String chair = "นายธัญญ์ฐิติ ฤกษ์ดำรงค์";

        List<String> runs = PdfPages.of(pdf.render(Certificates.to(recipient, activity, chair))).runs(1);

        assertThat(runs).contains(recipient, "(" + chair + ")");
        assertThat(String.join("", runs)).containsIgnoringWhitespaces(activity);
    }

    @Test
    void a_name_too_long_for_the_line_is_printed_smaller_on_one_line() {
        String recipient = "โรงเรียนบ้านป่าซางน้อยสามัคคีวิทยาคารเฉลิมพระเกียรติสมเด็จพระนางเจ้าสิริกิติ์"
                + "พระบรมราชินีนาถ ในรัชกาลที่ 9";

        List<String> runs = PdfPages.of(pdf.render(Certificates.to(recipient, "การประชุม", "นายสมชาย ใจดี"))).runs(1);

        assertThat(runs).contains(recipient);
    }

    @Test
    void a_long_thai_title_wraps_only_between_words() {
        // without spaces, as Thai is written; OpenPDF alone would cut it at the column's edge, here inside ผลสัมฤทธิ์
        String activity = "การอบรมเชิงปฏิบัติการพัฒนาศักยภาพครูผู้สอนภาษาไทยเพื่อยกระดับผลสัมฤทธิ์ทางการเรียน"
                + "ของนักเรียนชั้นประถมศึกษาปีที่หกในโรงเรียนขนาดเล็กจังหวัดลำพูน";
        PrintedCertificate certificate = Certificates.to("โรงเรียนบ้านหัวฝาย", activity, "นายสมชาย ใจดี");

        List<String> runs = PdfPages.of(pdf.render(certificate)).runs(1);

        int first = IntStream.range(0, runs.size())
                .filter(i -> runs.get(i).startsWith(certificate.achievement())).findFirst().orElseThrow() + 1;
        int date = IntStream.range(first, runs.size())
                .filter(i -> runs.get(i).startsWith("ให้ไว้")).findFirst().orElseThrow();
        List<String> lines = runs.subList(first, date);
        assertThat(lines).hasSizeGreaterThan(1);
        assertThat(String.join("", lines)).isEqualTo(activity);
        BreakIterator words = BreakIterator.getWordInstance(Locale.forLanguageTag("th"));
        words.setText(activity);
        int end = 0;
        for (String line : lines.subList(0, lines.size() - 1)) {
            end += line.length();
            assertThat(words.isBoundary(end))
                    .as("the line ending \"%s\" ends inside a word", line)
                    .isTrue();
        }
    }

    @Test
    void the_qr_code_on_the_page_reads_back_as_the_verification_url_exactly() throws Exception {
        List<BufferedImage> images = PdfPages.of(pdf.render(Certificates.banHuaFai())).images(1);

        assertThat(images).hasSize(1);
        assertThat(decode(images.get(0))).isEqualTo("https://tambon.example.go.th/verify/K7QF-3MXR-9TWD-2PZL");
    }

    @Test
    void thirty_one_certificates_print_as_one_document_of_thirty_one_pages_in_the_order_given() throws Exception {
        List<PrintedCertificate> certificates = IntStream.rangeClosed(1, 31).mapToObj(Certificates::numbered).toList();

        PdfPages pages = PdfPages.of(pdf.renderAll(certificates));

        assertThat(pages.count()).isEqualTo(31);
        for (int page = 1; page <= 31; page++) {
            assertThat(pages.runs(page)).contains("ที่ " + page + "/2563", "โรงเรียนที่ " + page);
        }
        assertThat(decode(pages.images(31).get(0))).isEqualTo("https://tambon.example.go.th/verify/CODE-31");
    }

    @Test
    void the_fonts_travel_inside_the_pdf_as_subsets() {
        List<String> fonts = PdfPages.of(pdf.render(Certificates.banHuaFai())).embeddedFonts(1);

        assertThat(fonts)
                .anyMatch(name -> name.matches("[A-Z]{6}\\+Sarabun-Regular"))
                .anyMatch(name -> name.matches("[A-Z]{6}\\+Sarabun-Bold"))
                .allMatch(name -> name.matches("[A-Z]{6}\\+Sarabun-.*"));
    }

    @Test
    void a_revoked_certificate_is_marked_revoked_and_a_valid_one_is_not() {
        assertThat(PdfPages.of(pdf.render(Certificates.revoked())).runs(1)).contains("ยกเลิกแล้ว");
        assertThat(PdfPages.of(pdf.render(Certificates.banHuaFai())).text(1)).doesNotContain("ยกเลิก");
    }

    @Test
    void a_batch_without_certificates_is_refused_rather_than_printed_as_an_empty_file() {
        assertThatThrownBy(() -> pdf.renderAll(List.of()))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("certificates");
    }

    @Test
    void a_certificate_whose_texts_cannot_fit_its_page_is_refused_rather_than_cut_short() {
        String activity = "การประชุมแลกเปลี่ยนเรียนรู้ ".repeat(200);

        assertThatThrownBy(() -> pdf.render(Certificates.to("โรงเรียนบ้านหัวฝาย", activity, "นายสมชาย ใจดี")))
                .isInstanceOf(IllegalArgumentException.class)
                .hasMessageContaining("activity");
    }

    /** Enlarged first: the PDF keeps one pixel per module, which a scanner sees on paper at print size. */
    private static String decode(BufferedImage qr) throws NotFoundException, ChecksumException, FormatException {
        int scale = 8;
        BufferedImage large = new BufferedImage(qr.getWidth() * scale, qr.getHeight() * scale,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < large.getHeight(); y++) {
            for (int x = 0; x < large.getWidth(); x++) {
                large.setRGB(x, y, qr.getRGB(x / scale, y / scale));
            }
        }
        return new QRCodeReader()
                .decode(new BinaryBitmap(new HybridBinarizer(new BufferedImageLuminanceSource(large))))
                .getText();
    }
}
