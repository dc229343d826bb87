package th.tambon.gateway.export;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import io.micronaut.context.annotation.Value;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.Disposable;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;

/**
 * A view as a file, streamed: the writer runs on a worker thread into a pipe the response reads from, so the file is
 * sent as it is written (the pipe's buffer is all it holds) and the event loop never waits on it. A client that goes
 * away closes the pipe, which stops the writer; so does what it wrote waiting unread for
 * {@code tambon.gateway.views.export-idle} (60 s). A writer that fails ends the response with an error
 * ({@link ExportPipe}).
 */
@Singleton
public class Exports {
    private static final Logger LOG = LoggerFactory.getLogger(Exports.class);
    private static final int PIPE_BUFFER = 64 * 1024;

    private final Duration idle;

    public Exports(@Value("${tambon.gateway.views.export-idle:60s}") Duration idle) {
        this.idle = idle;
    }

    public HttpResponse<?> file(ExportFormat format, String basename, List<Sheet> sheets) {
        if (format == ExportFormat.JSON) {
            throw new IllegalArgumentException("JSON is not a file");
        }
        ExportPipe in = new ExportPipe(PIPE_BUFFER);
        PipedOutputStream out;
        try {
            out = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        // a response nobody reads (the client gone before its body was asked for) would hold the writer for ever
        long idleNanos = idle.toNanos();
        Disposable watchdog = Schedulers.parallel().schedulePeriodically(() -> {
            if (in.unreadNanos() > idleNanos) {
                close(in, basename);
            }
        }, idle.toMillis(), Math.max(1, idle.toMillis() / 2), TimeUnit.MILLISECONDS);
        try {
            Schedulers.boundedElastic().schedule(() -> write(format, sheets, in, out, basename, watchdog));
        } catch (RuntimeException refused) {
            // no worker for it (the pool's queue is full): nothing will be written, nothing to watch
            watchdog.dispose();
            close(in, basename);
            throw refused;
        }
        String extension = format == ExportFormat.CSV ? "csv" : "xlsx";
        MediaType type = format == ExportFormat.CSV
                ? new MediaType(ExportFormat.CSV_TYPE + ";charset=utf-8")
                : new MediaType(ExportFormat.XLSX_TYPE);
        // never kept by a browser or a proxy: the figures of a view change as the services learn of changes
        return HttpResponse.ok(new StreamedFile(in, type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + basename + "." + extension + "\"")
                .header(HttpHeaders.CACHE_CONTROL, "no-store");
    }

    private static void write(ExportFormat format, List<Sheet> sheets, ExportPipe in, OutputStream out,
                              String basename, Disposable watchdog) {
        try {
            if (format == ExportFormat.CSV) {
                CsvExport.write(sheets, out);
            } else {
                XlsxExport.write(sheets, out);
            }
        } catch (IOException | RuntimeException e) {
            // the response has begun: the reader gets this error rather than a clean end, so the client sees a
            // broken transfer, never a cut-short file taken for a whole one
            LOG.warn("export {} stopped: {}", basename, e.toString());
            in.fail(e);
        } finally {
            watchdog.dispose();
            close(out, basename);
        }
    }

    private static void close(java.io.Closeable stream, String basename) {
        try {
            stream.close();
        } catch (IOException e) {
            LOG.debug("export {}: closing: {}", basename, e.toString());
        }
    }
}
