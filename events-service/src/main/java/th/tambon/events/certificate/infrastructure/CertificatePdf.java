package th.tambon.events.certificate.infrastructure;

import com.lowagie.text.Document;
import com.lowagie.text.DocumentException;
import com.lowagie.text.PageSize;
import com.lowagie.text.pdf.BaseFont;
import com.lowagie.text.pdf.LayoutProcessor;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfString;
import com.lowagie.text.pdf.PdfWriter;
import jakarta.inject.Singleton;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URL;
import java.util.List;
import th.tambon.events.certificate.model.PrintedCertificate;

/**
 * Prints certificates as PDF, one A4 landscape page each, in Sarabun with Thai marks placed by the JDK's shaper
 * (docs/decisions/0015-thai-certificate-pdf.md). Needs no framework: {@code new CertificatePdf()} works as well as
 * the injected bean, and one instance serves any number of threads.
 */
@Singleton
public class CertificatePdf {

    static final BaseFont REGULAR;
    static final BaseFont BOLD;

    static {
        // OpenPDF's layout settings are global to the JVM and must precede the loading of any font they shape
        synchronized (LayoutProcessor.class) {
            if (!LayoutProcessor.isEnabled()) {
                LayoutProcessor.enableKernLiga();
            }
            // the text of each shaped run, in logical order, for copy, search, screen readers and tests
            LayoutProcessor.setWriteActualText();
        }
        REGULAR = font("/fonts/Sarabun-Regular.ttf");
        BOLD = font("/fonts/Sarabun-Bold.ttf");
    }

    /** One page. */
    public byte[] render(PrintedCertificate certificate) {
        return renderAll(List.of(certificate));
    }

    /** One document, a page per certificate in the order given. */
    public byte[] renderAll(List<PrintedCertificate> certificates) {
        if (certificates.isEmpty()) {
            throw new IllegalArgumentException("certificates must not be empty: a PDF needs a page");
        }
        ByteArrayOutputStream out = new ByteArrayOutputStream(64 * 1024);
        Document document = new Document(PageSize.A4.rotate(), 0, 0, 0, 0);
        try {
            PdfWriter writer = PdfWriter.getInstance(document, out);
            writer.getExtraCatalog().put(PdfName.LANG, new PdfString("th-TH"));
            document.addTitle(certificates.size() == 1
                    ? "เกียรติบัตร " + certificates.get(0).number()
                    : "เกียรติบัตร " + certificates.size() + " ฉบับ");
            document.addCreator("Tambon events-service");
            document.open();
            for (PrintedCertificate certificate : certificates) {
                document.newPage();
                new CertificatePage(writer, REGULAR, BOLD).draw(certificate);
            }
            document.close();
        } catch (DocumentException e) {
            throw new IllegalStateException("the certificate could not be laid out", e);
        }
        return out.toByteArray();
    }

    private static BaseFont font(String resource) {
        URL url = CertificatePdf.class.getResource(resource);
        if (url == null) {
            throw new IllegalStateException(resource + " is missing from the classpath");
        }
        try (InputStream in = url.openStream()) {
            // the name is where OpenPDF's shaper reads the font again (a file: or jar: URL); the bytes are the font
            return BaseFont.createFont(url.toExternalForm(), BaseFont.IDENTITY_H, BaseFont.EMBEDDED, false,
                    in.readAllBytes(), null);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (DocumentException e) {
            throw new IllegalStateException(resource + " is not a usable font", e);
        }
    }
}
