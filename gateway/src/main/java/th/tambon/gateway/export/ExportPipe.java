package th.tambon.gateway.export;

import java.io.IOException;
import java.io.PipedInputStream;

/**
 * The read side of an export's pipe. A writer that fails says so ({@link #fail}) before closing its side, and the
 * reader then gets that error instead of a clean end, so the response is aborted rather than ended as if whole. It
 * also tells how long what was written has waited unread.
 */
final class ExportPipe extends PipedInputStream {
    private volatile IOException failure;
    private volatile long lastRead = System.nanoTime();
    /** A reader waits in read(): what the writer writes is taken as soon as PipedInputStream looks again. */
    private volatile boolean reading;

    ExportPipe(int size) {
        super(size);
    }

    void fail(Exception cause) {
        failure = new IOException("the export stopped: " + cause, cause);
    }

    /** How long what the writer wrote has waited unread (0 while there is nothing to read: the writer is at work). */
    long unreadNanos() {
        if (reading) {
            return 0;
        }
        try {
            return available() > 0 ? System.nanoTime() - lastRead : 0;
        } catch (IOException closed) {
            return 0;
        }
    }

    /**
     * Every read passes here: PipedInputStream's read of many bytes waits for its first with this one, then takes
     * what else is there without waiting.
     */
    @Override
    public synchronized int read() throws IOException {
        int read;
        reading = true;
        try {
            read = super.read();
        } finally {
            reading = false;
            lastRead = System.nanoTime();
        }
        if (read == -1 && failure != null) {
            throw failure;
        }
        return read;
    }
}
