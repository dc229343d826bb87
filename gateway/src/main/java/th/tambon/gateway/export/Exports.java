package th.tambon.gateway.export;

import io.micronaut.http.HttpHeaders;
import io.micronaut.http.HttpResponse;
import io.micronaut.http.MediaType;
import io.micronaut.http.server.types.files.StreamedFile;
import jakarta.inject.Singleton;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import reactor.core.scheduler.Schedulers;

import java.io.IOException;
import java.io.OutputStream;
import java.io.PipedInputStream;
import java.io.PipedOutputStream;
import java.io.UncheckedIOException;
import java.util.List;

/**
 * A view as a file, streamed: the writer runs on a worker thread into a pipe the response reads from, so the file is
 * sent as it is written (the pipe's buffer is all it holds) and the event loop never waits on it. A client that goes
 * away closes the pipe, which stops the writer.
 */
@Singleton
public class Exports {
    private static final Logger LOG = LoggerFactory.getLogger(Exports.class);
    private static final int PIPE_BUFFER = 64 * 1024;

    public HttpResponse<?> file(ExportFormat format, String basename, List<Sheet> sheets) {
        if (format == ExportFormat.JSON) {
            throw new IllegalArgumentException("JSON is not a file");
        }
        PipedInputStream in = new PipedInputStream(PIPE_BUFFER);
        PipedOutputStream out;
        try {
            out = new PipedOutputStream(in);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        Schedulers.boundedElastic().schedule(() -> write(format, sheets, out, basename));
        String extension = format == ExportFormat.CSV ? "csv" : "xlsx";
        MediaType type = format == ExportFormat.CSV
                ? new MediaType(ExportFormat.CSV_TYPE + ";charset=utf-8")
                : new MediaType(ExportFormat.XLSX_TYPE);
        return HttpResponse.ok(new StreamedFile(in, type))
                .header(HttpHeaders.CONTENT_DISPOSITION, "attachment; filename=\"" + basename + "." + extension + "\"");
    }

    private static void write(ExportFormat format, List<Sheet> sheets, OutputStream out, String basename) {
        try (out) {
            if (format == ExportFormat.CSV) {
                CsvExport.write(sheets, out);
            } else {
                XlsxExport.write(sheets, out);
            }
        } catch (IOException | RuntimeException e) {
            // the response has begun: a client sees a cut-short file, which neither format takes for a whole one
            LOG.warn("export {} stopped: {}", basename, e.toString());
        }
    }
}
