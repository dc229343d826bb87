package th.tambon.messaging;

/**
 * A message that can never be processed, however often it is retried: not a CloudEvent, an unknown type, data that
 * breaks its schema, or a handler's verdict that it is invalid. The consumer sends it to the dead-letter topic at once.
 */
public class PoisonMessageException extends RuntimeException {
    public PoisonMessageException(String message) {
        super(message);
    }

    public PoisonMessageException(String message, Throwable cause) {
        super(message, cause);
    }
}
