package th.tambon.importer.load;

import me.tongfei.progressbar.ProgressBar;
import me.tongfei.progressbar.ProgressBarBuilder;
import me.tongfei.progressbar.ProgressBarStyle;

import java.io.PrintStream;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * On a terminal, a progress bar per section (progressbar), with what it waits for beside it; in a log or a pipe, one
 * line as each section ends, and a line for each wait.
 */
public final class ConsoleProgress implements Progress {
    private final boolean terminal;
    private final PrintStream out;

    public ConsoleProgress(boolean terminal, PrintStream out) {
        this.terminal = terminal;
        this.out = out;
    }

    @Override
    public Bar start(String section, int total) {
        if (terminal) {
            ProgressBar bar = new ProgressBarBuilder().setTaskName(String.format("%-13s", section)).setInitialMax(total)
                    .setStyle(ProgressBarStyle.COLORFUL_UNICODE_BLOCK).setUpdateIntervalMillis(100)
                    .continuousUpdate().showSpeed().build();
            return new Bar() {
                @Override
                public void step() {
                    bar.step();
                }

                @Override
                public void note(String message) {
                    bar.setExtraMessage(message == null ? "" : message);
                }

                @Override
                public void close() {
                    bar.close();
                }
            };
        }
        long started = System.nanoTime();
        AtomicInteger done = new AtomicInteger();
        return new Bar() {
            @Override
            public void step() {
                done.incrementAndGet();
            }

            @Override
            public void note(String message) {
                if (message != null) {
                    out.printf("%-13s %s%n", section, message);
                }
            }

            @Override
            public void close() {
                out.printf("%-13s %d of %d in %.1f s%n", section, done.get(), total,
                        Duration.ofNanos(System.nanoTime() - started).toMillis() / 1000.0);
            }
        };
    }
}
