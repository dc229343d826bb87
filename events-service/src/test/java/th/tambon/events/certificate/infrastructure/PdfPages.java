package th.tambon.events.certificate.infrastructure;

import com.google.zxing.BinaryBitmap;
import com.google.zxing.ReaderException;
import com.google.zxing.client.j2se.BufferedImageLuminanceSource;
import com.google.zxing.common.HybridBinarizer;
import com.google.zxing.qrcode.QRCodeReader;
import com.lowagie.text.pdf.PRStream;
import com.lowagie.text.pdf.PRTokeniser;
import com.lowagie.text.pdf.PdfArray;
import com.lowagie.text.pdf.PdfContentParser;
import com.lowagie.text.pdf.PdfDictionary;
import com.lowagie.text.pdf.PdfName;
import com.lowagie.text.pdf.PdfNumber;
import com.lowagie.text.pdf.PdfObject;
import com.lowagie.text.pdf.PdfReader;
import com.lowagie.text.pdf.PdfString;
import java.awt.image.BufferedImage;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.List;

/**
 * Reads back what a certificate PDF holds, with OpenPDF's own reader and no external tool: the text a reader copies,
 * the images and the fonts of a page.
 */
public final class PdfPages {

    private final PdfReader reader;

    private PdfPages(PdfReader reader) {
        this.reader = reader;
    }

    public static PdfPages of(byte[] pdf) {
        try {
            return new PdfPages(new PdfReader(pdf));
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public int count() {
        return reader.getNumberOfPages();
    }

    /**
     * The page's text runs as a reader copies them: the ActualText of each marked span, in the order drawn.
     * OpenPDF's PdfTextExtractor reads glyphs instead, and shaped Thai glyphs do not map back to the text
     * (ลำพูน comes back as ลําพูน, น้ำ as น้า), so only ActualText shows what the page says.
     */
    public List<String> runs(int page) {
        List<String> runs = new ArrayList<>();
        try {
            PdfContentParser parser = new PdfContentParser(new PRTokeniser(reader.getPageContent(page)));
            List<PdfObject> operands = new ArrayList<>();
            while (!parser.parse(operands).isEmpty()) {
                String operator = operands.get(operands.size() - 1).toString();
                if (operator.equals("BDC") && operands.get(1) instanceof PdfDictionary properties) {
                    PdfString text = properties.getAsString(PdfName.ACTUALTEXT);
                    if (text != null) {
                        runs.add(text.toUnicodeString());
                    }
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return runs;
    }

    /** The runs joined, each line's pieces without a separator (Thai puts none between words). */
    public String text(int page) {
        return String.join("", runs(page));
    }

    /** Every image drawn on the page, decoded from its stream (eight-bit gray, as the QR code is stored). */
    public List<BufferedImage> images(int page) {
        List<BufferedImage> images = new ArrayList<>();
        PdfDictionary xObjects = resources(page).getAsDict(PdfName.XOBJECT);
        if (xObjects == null) {
            return images;
        }
        for (PdfName name : xObjects.getKeys()) {
            PdfObject object = PdfReader.getPdfObject(xObjects.get(name));
            if (object instanceof PRStream stream && PdfName.IMAGE.equals(stream.getAsName(PdfName.SUBTYPE))) {
                images.add(gray(stream));
            }
        }
        return images;
    }

    /** The base font names of the page's fonts whose program is in the file. */
    public List<String> embeddedFonts(int page) {
        List<String> names = new ArrayList<>();
        PdfDictionary fonts = resources(page).getAsDict(PdfName.FONT);
        for (PdfName key : fonts.getKeys()) {
            PdfDictionary font = (PdfDictionary) PdfReader.getPdfObject(fonts.get(key));
            PdfArray descendants = font.getAsArray(PdfName.DESCENDANTFONTS);
            PdfDictionary described = descendants == null
                    ? font : (PdfDictionary) PdfReader.getPdfObject(descendants.getPdfObject(0));
            PdfDictionary descriptor = (PdfDictionary) PdfReader.getPdfObject(described.get(PdfName.FONTDESCRIPTOR));
            if (descriptor != null && (descriptor.get(PdfName.FONTFILE2) != null
                    || descriptor.get(PdfName.FONTFILE3) != null || descriptor.get(PdfName.FONTFILE) != null)) {
                names.add(PdfName.decodeName(font.getAsName(PdfName.BASEFONT).toString()));
            }
        }
        return names;
    }

    /**
     * What the page's one QR code says, read by ZXing from its image enlarged eight times (the PDF keeps one pixel per
     * module, which a scanner sees on paper at print size).
     */
    public String qrCode(int page) {
        List<BufferedImage> images = images(page);
        if (images.size() != 1) {
            throw new AssertionError("page " + page + " has " + images.size() + " images, not one QR code");
        }
        BufferedImage qr = images.get(0);
        int scale = 8;
        BufferedImage large = new BufferedImage(qr.getWidth() * scale, qr.getHeight() * scale,
                BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < large.getHeight(); y++) {
            for (int x = 0; x < large.getWidth(); x++) {
                large.setRGB(x, y, qr.getRGB(x / scale, y / scale));
            }
        }
        try {
            return new QRCodeReader().decode(new BinaryBitmap(new HybridBinarizer(
                    new BufferedImageLuminanceSource(large)))).getText();
        } catch (ReaderException e) {
            throw new AssertionError("the QR code on page " + page + " cannot be read", e);
        }
    }

    private PdfDictionary resources(int page) {
        return (PdfDictionary) PdfReader.getPdfObject(reader.getPageN(page).get(PdfName.RESOURCES));
    }

    private static BufferedImage gray(PRStream stream) {
        int width = number(stream, PdfName.WIDTH);
        int height = number(stream, PdfName.HEIGHT);
        int bits = number(stream, PdfName.BITSPERCOMPONENT);
        if (!PdfName.DEVICEGRAY.equals(stream.getAsName(PdfName.COLORSPACE)) || bits != 8) {
            throw new IllegalArgumentException("only eight-bit gray images are read here");
        }
        byte[] data;
        try {
            data = PdfReader.getStreamBytes(stream);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        BufferedImage image = new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB);
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                int level = data[y * width + x] & 0xff;
                image.setRGB(x, y, level << 16 | level << 8 | level);
            }
        }
        return image;
    }

    private static int number(PdfDictionary dictionary, PdfName key) {
        PdfNumber number = (PdfNumber) PdfReader.getPdfObject(dictionary.get(key));
        return number.intValue();
    }
}
