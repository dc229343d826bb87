package th.tambon.gateway.export;

import io.micronaut.http.HttpResponse;
import io.micronaut.http.server.types.files.StreamedFile;
import org.junit.jupiter.api.Test;

import java.io.IOException;
import java.io.InputStream;
import java.time.Duration;
import java.util.Iterator;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

/** A streamed export: a writer that fails cuts the file short with an error, one nobody reads is stopped. */
class ExportsTest {

    @Test
    void a_writer_that_fails_midway_ends_the_file_with_an_error_not_a_clean_end_in_either_format() {
        for (ExportFormat format : List.of(ExportFormat.CSV, ExportFormat.XLSX)) {
            InputStream file = body(new Exports(Duration.ofSeconds(30)).file(format, "broken",
                    List.of(new Sheet("x", List.of(Column.text("ก")), rows(10, new AtomicInteger())))));

            assertThatThrownBy(() -> file.readAllBytes()).as(format.name()).isInstanceOf(IOException.class)
                    .hasMessageContaining("the export stopped");
        }
    }

    @Test
    void an_export_nobody_reads_is_stopped_once_idle_and_its_writer_pulls_no_more_rows() throws Exception {
        AtomicInteger pulled = new AtomicInteger();
        InputStream file = body(new Exports(Duration.ofMillis(300)).file(ExportFormat.CSV, "unread",
                List.of(new Sheet("x", List.of(Column.text("ก")), rows(Integer.MAX_VALUE, pulled)))));

        Thread.sleep(1500);
        int after = pulled.get();
        Thread.sleep(500);

        assertThat(pulled.get()).as("rows pulled once stopped").isEqualTo(after);
        assertThatThrownBy(file::read).isInstanceOf(IOException.class);
    }

    @Test
    void output_a_reader_is_waiting_for_is_not_unread_however_long_the_writer_paused() throws Exception {
        ExportPipe pipe = new ExportPipe(1024);
        java.io.PipedOutputStream writer = new java.io.PipedOutputStream(pipe);
        Thread reader = new Thread(() -> {
            try {
                pipe.read();
            } catch (IOException e) {
                throw new java.io.UncheckedIOException(e);
            }
        });
        reader.start();
        // the reader waits in read() (PipedInputStream looks again once a second); the writer pauses, then writes
        Thread.sleep(500);
        writer.write('x');

        assertThat(pipe.unreadNanos()).as("what the waiting reader is about to take").isZero();
        reader.join(3000);
        writer.close();
    }

    @Test
    void an_export_is_never_kept_by_a_browser_or_a_proxy() {
        HttpResponse<?> response = new Exports(Duration.ofSeconds(30)).file(ExportFormat.CSV, "fresh",
                List.of(new Sheet("x", List.of(Column.text("ก")), List.of())));

        assertThat(response.getHeaders().get("Cache-Control")).isEqualTo("no-store");
    }

    private static InputStream body(HttpResponse<?> response) {
        return ((StreamedFile) response.body()).getInputStream();
    }

    /** Rows of text, throwing once {@code failAfter} have been given; counts what was pulled. */
    private static Iterable<List<Object>> rows(int failAfter, AtomicInteger pulled) {
        return () -> new Iterator<>() {
            @Override
            public boolean hasNext() {
                return true;
            }

            @Override
            public List<Object> next() {
                if (pulled.incrementAndGet() > failAfter) {
                    throw new IllegalStateException("a row could not be made");
                }
                return List.of("แถวที่ " + pulled.get() + " ".repeat(200));
            }
        };
    }
}
