package th.tambon.messaging.cloudevents;

import java.time.Instant;
import java.util.Objects;

/**
 * The CloudEvents 1.0 context attributes Tambon carries on every Kafka record (binary content mode: attributes in
 * headers, data in the value).
 *
 * @param subject     may be null
 * @param traceParent W3C trace context, may be null
 */
public record CloudEvent(String id, String type, String source, Instant time, String subject, String traceParent) {
    public CloudEvent {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(type, "type");
        Objects.requireNonNull(source, "source");
        Objects.requireNonNull(time, "time");
    }
}
