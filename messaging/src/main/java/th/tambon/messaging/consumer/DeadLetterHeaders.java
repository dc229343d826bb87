package th.tambon.messaging.consumer;

/** Headers added to a record sent to {@code <service>.dlq}, next to the original record's own headers. */
public final class DeadLetterHeaders {
    public static final String ORIGINAL_TOPIC = "dlq-original-topic";
    public static final String ORIGINAL_PARTITION = "dlq-original-partition";
    public static final String ORIGINAL_OFFSET = "dlq-original-offset";
    public static final String CONSUMER = "dlq-consumer";
    public static final String ERROR_CLASS = "dlq-error-class";
    public static final String ERROR_MESSAGE = "dlq-error-message";
    public static final String ATTEMPTS = "dlq-attempts";
    public static final String FAILED_AT = "dlq-failed-at";
    /**
     * Set when the original value (and its headers other than the CloudEvents ones) did not fit into a dead letter:
     * why, and how many bytes were left out. The original is still in its topic at the origin headers' offset.
     */
    public static final String VALUE_OMITTED = "dlq-value-omitted";
    /** Set when the key was cut to fit: the original key's size in UTF-8 bytes. */
    public static final String KEY_SIZE = "dlq-key-size";
    /** Set when the key was cut to fit: the SHA-256 of the original key's UTF-8 bytes, in hex. */
    public static final String KEY_SHA256 = "dlq-key-sha256";
    /** Set when original headers were left out or cut to fit: each one's name and size in bytes. */
    public static final String HEADERS_OMITTED = "dlq-headers-omitted";

    private DeadLetterHeaders() {
    }
}
