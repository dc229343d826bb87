package th.tambon.messaging.cloudevents;

import io.micronaut.http.context.ServerRequestContext;

import java.util.HexFormat;
import java.util.Optional;
import java.util.concurrent.ThreadLocalRandom;
import java.util.regex.Pattern;

/**
 * A W3C trace context ({@code traceparent}: {@code 00-<trace id>-<parent span id>-<flags>}). Every published event
 * carries one: a new span in the trace of the HTTP request or the consumed event that caused it, or a new trace.
 */
public record Traceparent(String traceId, String spanId, String flags) {
    public static final String HEADER = "traceparent";
    private static final Pattern FORMAT = Pattern.compile("00-([0-9a-f]{32})-([0-9a-f]{16})-([0-9a-f]{2})");
    private static final String INVALID_TRACE = "0".repeat(32);
    private static final String INVALID_SPAN = "0".repeat(16);
    private static final ThreadLocal<Traceparent> CONSUMING = new ThreadLocal<>();

    /** The traceparent of a new event: a child of what is being handled now, or the root of a new trace. */
    public static Traceparent forNewEvent() {
        return current().map(Traceparent::child).orElseGet(Traceparent::root);
    }

    /** A valid header value, or empty (absent, malformed, or an all-zero id, which W3C declares invalid). */
    public static Optional<Traceparent> parse(String header) {
        if (header == null) {
            return Optional.empty();
        }
        var match = FORMAT.matcher(header.trim());
        if (!match.matches() || match.group(1).equals(INVALID_TRACE) || match.group(2).equals(INVALID_SPAN)) {
            return Optional.empty();
        }
        return Optional.of(new Traceparent(match.group(1), match.group(2), match.group(3)));
    }

    /**
     * Runs {@code work} as part of the trace of a consumed event, so the events it appends continue that trace.
     */
    public static void whileConsuming(String header, Runnable work) {
        Traceparent previous = CONSUMING.get();
        parse(header).ifPresentOrElse(CONSUMING::set, CONSUMING::remove);
        try {
            work.run();
        } finally {
            if (previous == null) {
                CONSUMING.remove();
            } else {
                CONSUMING.set(previous);
            }
        }
    }

    private static Optional<Traceparent> current() {
        Traceparent consuming = CONSUMING.get();
        if (consuming != null) {
            return Optional.of(consuming);
        }
        return ServerRequestContext.currentRequest().flatMap(r -> parse(r.getHeaders().get(HEADER)));
    }

    private static Traceparent root() {
        return new Traceparent(random(16), random(8), "01");
    }

    private Traceparent child() {
        return new Traceparent(traceId, random(8), flags);
    }

    /** Random ids, as W3C asks; they identify, they do not protect, so a fast generator will do. */
    private static String random(int bytes) {
        byte[] id = new byte[bytes];
        do {
            ThreadLocalRandom.current().nextBytes(id);
        } while (isZero(id));
        return HexFormat.of().formatHex(id);
    }

    private static boolean isZero(byte[] id) {
        for (byte b : id) {
            if (b != 0) {
                return false;
            }
        }
        return true;
    }

    @Override
    public String toString() {
        return "00-" + traceId + "-" + spanId + "-" + flags;
    }
}
