package th.tambon.events.certificate.model;

import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A certificate's verification code: 160 random bits as 32 characters of RFC 4648 base32 (A–Z, 2–7), safe in a URL,
 * unambiguous when typed from paper, where it is printed in groups of four ({@code ABCD-EFGH-…}). Whoever holds it
 * can look the certificate up, so it must be unguessable: the caller gives 20 bytes from {@code SecureRandom}.
 */
public final class VerificationCode {
    public static final int BYTES = 20;
    private static final String ALPHABET = "ABCDEFGHIJKLMNOPQRSTUVWXYZ234567";
    private static final Pattern CODE = Pattern.compile("[A-Z2-7]{32}");

    private VerificationCode() {
    }

    /** The code of 20 random bytes. */
    public static String of(byte[] random) {
        if (random.length != BYTES) {
            throw new IllegalArgumentException("a verification code is made of " + BYTES + " random bytes");
        }
        StringBuilder code = new StringBuilder(32);
        int buffer = 0;
        int bits = 0;
        for (byte b : random) {
            buffer = (buffer << 8) | (b & 0xff);
            bits += 8;
            while (bits >= 5) {
                code.append(ALPHABET.charAt((buffer >> (bits - 5)) & 31));
                bits -= 5;
            }
        }
        return code.toString();
    }

    /** A code as someone typed or scanned it (any case, grouped with - or spaces), or empty if it cannot be one. */
    public static Optional<String> read(String typed) {
        if (typed == null || typed.length() > 64) {
            return Optional.empty();
        }
        String code = typed.replace("-", "").replace(" ", "").toUpperCase(Locale.ROOT);
        return CODE.matcher(code).matches() ? Optional.of(code) : Optional.empty();
    }

    /** The code as printed: groups of four joined by -. */
    public static String grouped(String code) {
        StringBuilder printed = new StringBuilder(code.length() + code.length() / 4);
        for (int i = 0; i < code.length(); i += 4) {
            if (i > 0) {
                printed.append('-');
            }
            printed.append(code, i, Math.min(code.length(), i + 4));
        }
        return printed.toString();
    }
}
