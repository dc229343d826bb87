package th.tambon.events.certificate.infrastructure;

import com.google.zxing.BarcodeFormat;
import com.google.zxing.EncodeHintType;
import com.google.zxing.WriterException;
import com.google.zxing.common.BitMatrix;
import com.google.zxing.qrcode.QRCodeWriter;
import com.google.zxing.qrcode.decoder.ErrorCorrectionLevel;
import com.lowagie.text.BadElementException;
import com.lowagie.text.Image;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/**
 * The QR code of a verification address, as a PDF image of one pixel per module (with its quiet zone): lossless
 * (Flate), a few hundred bytes, and sharp at any size because PDF images are not interpolated unless asked.
 */
final class VerificationQr {

    private static final Map<EncodeHintType, Object> HINTS = Map.of(
            EncodeHintType.CHARACTER_SET, StandardCharsets.UTF_8.name(),
            // M survives a fold or a smudge on paper and keeps the code small
            EncodeHintType.ERROR_CORRECTION, ErrorCorrectionLevel.M,
            EncodeHintType.MARGIN, 4);

    private VerificationQr() {
    }

    static Image of(String url) {
        BitMatrix modules;
        try {
            modules = new QRCodeWriter().encode(url, BarcodeFormat.QR_CODE, 0, 0, HINTS);
        } catch (WriterException e) {
            throw new IllegalArgumentException("verificationUrl cannot be put in a QR code: " + e.getMessage(), e);
        }
        int width = modules.getWidth();
        int height = modules.getHeight();
        // eight-bit gray, 0 black and 255 white; one-bit data would be re-encoded by OpenPDF as CCITT G4
        byte[] pixels = new byte[width * height];
        for (int y = 0; y < height; y++) {
            for (int x = 0; x < width; x++) {
                pixels[y * width + x] = modules.get(x, y) ? 0 : (byte) 0xff;
            }
        }
        try {
            return Image.getInstance(width, height, 1, 8, pixels);
        } catch (BadElementException e) {
            throw new IllegalStateException(e);
        }
    }
}
