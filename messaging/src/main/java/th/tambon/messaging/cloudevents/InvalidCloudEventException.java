package th.tambon.messaging.cloudevents;

/** A record whose headers do not make a CloudEvent. Never retried: it goes to the dead-letter topic. */
public class InvalidCloudEventException extends Exception {
    public InvalidCloudEventException(String message) {
        super(message);
    }
}
