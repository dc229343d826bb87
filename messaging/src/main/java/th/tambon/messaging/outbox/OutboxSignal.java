package th.tambon.messaging.outbox;

import jakarta.inject.Singleton;

import java.time.Duration;

/** Wakes the relay right after a commit that appended events, so publishing does not wait for the next poll. */
@Singleton
public class OutboxSignal {
    private boolean pending;

    public synchronized void wake() {
        pending = true;
        notifyAll();
    }

    /** Waits until woken or the timeout passes. */
    public synchronized void await(Duration timeout) throws InterruptedException {
        long deadline = System.nanoTime() + timeout.toNanos();
        while (!pending) {
            long left = deadline - System.nanoTime();
            if (left <= 0) {
                return;
            }
            wait(Math.max(1, left / 1_000_000));
        }
        pending = false;
    }
}
