package th.tambon.testkit;

import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.Callable;

/** Polls with a deadline instead of sleeping a fixed time: returns as soon as the condition holds. */
public final class Eventually {
    private static final long PAUSE_MILLIS = 25;

    private Eventually() {
    }

    @FunctionalInterface
    public interface Check {
        void run() throws Exception;
    }

    /** Runs {@code check} until it passes or {@code timeout} is over; then rethrows its last failure. */
    public static void await(Duration timeout, Check check) {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (true) {
            try {
                check.run();
                return;
            } catch (Exception | AssertionError e) {
                if (System.nanoTime() > deadline) {
                    AssertionError failure = new AssertionError("Not true within " + timeout + ": " + e.getMessage(), e);
                    throw failure;
                }
            }
            pause();
        }
    }

    /** Calls {@code probe} until it yields a value or {@code timeout} is over. */
    public static <T> T awaitValue(Duration timeout, Callable<Optional<T>> probe) {
        long deadline = System.nanoTime() + timeout.toNanos();
        Exception last = null;
        while (System.nanoTime() <= deadline) {
            try {
                Optional<T> value = probe.call();
                if (value.isPresent()) {
                    return value.get();
                }
            } catch (Exception e) {
                last = e;
            }
            pause();
        }
        throw new AssertionError("No value within " + timeout + (last == null ? "" : ": " + last), last);
    }

    private static void pause() {
        try {
            Thread.sleep(PAUSE_MILLIS);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new AssertionError("interrupted", e);
        }
    }
}
