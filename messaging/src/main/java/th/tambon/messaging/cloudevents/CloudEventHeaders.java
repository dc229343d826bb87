package th.tambon.messaging.cloudevents;

import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.format.DateTimeParseException;

/**
 * The Kafka protocol binding of CloudEvents 1.0 in binary content mode: {@code ce_}-prefixed headers plus
 * {@code content-type}, and the W3C {@code traceparent}. Written by hand because it is a handful of headers;
 * a test reads our records back with the CloudEvents SDK to prove they conform.
 */
public final class CloudEventHeaders {
    public static final String SPEC_VERSION = "ce_specversion";
    public static final String ID = "ce_id";
    public static final String TYPE = "ce_type";
    public static final String SOURCE = "ce_source";
    public static final String TIME = "ce_time";
    public static final String SUBJECT = "ce_subject";
    public static final String CONTENT_TYPE = "content-type";
    public static final String TRACE_PARENT = "traceparent";
    public static final String JSON = "application/json";

    private CloudEventHeaders() {
    }

    public static void write(CloudEvent event, Headers headers) {
        put(headers, SPEC_VERSION, "1.0");
        put(headers, ID, event.id());
        put(headers, TYPE, event.type());
        put(headers, SOURCE, event.source());
        put(headers, TIME, event.time().toString());
        put(headers, CONTENT_TYPE, JSON);
        if (event.subject() != null) {
            put(headers, SUBJECT, event.subject());
        }
        if (event.traceParent() != null) {
            put(headers, TRACE_PARENT, event.traceParent());
        }
    }

    /** Reads the attributes back; a record that is not a valid CloudEvent is rejected with the reason. */
    public static CloudEvent read(Headers headers) throws InvalidCloudEventException {
        String specVersion = text(headers, SPEC_VERSION);
        if (!"1.0".equals(specVersion)) {
            throw new InvalidCloudEventException("header " + SPEC_VERSION + " must be 1.0 but is " + specVersion);
        }
        String id = required(headers, ID);
        String type = required(headers, TYPE);
        String source = required(headers, SOURCE);
        String time = required(headers, TIME);
        try {
            return new CloudEvent(id, type, source, Instant.parse(time), text(headers, SUBJECT), text(headers, TRACE_PARENT));
        } catch (DateTimeParseException e) {
            throw new InvalidCloudEventException("header " + TIME + " is not an RFC 3339 instant: " + time);
        }
    }

    public static String text(Headers headers, String name) {
        Header header = headers.lastHeader(name);
        return header == null || header.value() == null ? null : new String(header.value(), StandardCharsets.UTF_8);
    }

    public static void put(Headers headers, String name, String value) {
        headers.remove(name);
        headers.add(name, value.getBytes(StandardCharsets.UTF_8));
    }

    private static String required(Headers headers, String name) throws InvalidCloudEventException {
        String value = text(headers, name);
        if (value == null || value.isBlank()) {
            throw new InvalidCloudEventException("header " + name + " is missing");
        }
        return value;
    }
}
