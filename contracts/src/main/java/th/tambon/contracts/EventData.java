package th.tambon.contracts;

/** The data of a public event. {@link #key()} is the Kafka key: the id of the aggregate the event is about. */
public interface EventData {
    String key();
}
