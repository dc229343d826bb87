package th.tambon.system.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.ByteBuffer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;

/** The size of a PNG file, read from its header; a file that is no PNG is an AssertionError. */
public record Png(int width, int height) {
    private static final byte[] SIGNATURE = {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n'};

    public static Png read(Path file) {
        byte[] bytes;
        try {
            bytes = Files.readAllBytes(file);
        } catch (IOException e) {
            throw new UncheckedIOException("Could not read " + file, e);
        }
        // the signature, then the IHDR chunk: length, "IHDR", width, height
        if (bytes.length < 24 || !Arrays.equals(Arrays.copyOf(bytes, 8), SIGNATURE)) {
            throw new AssertionError(file + " is not a PNG");
        }
        ByteBuffer header = ByteBuffer.wrap(bytes);
        return new Png(header.getInt(16), header.getInt(20));
    }
}
