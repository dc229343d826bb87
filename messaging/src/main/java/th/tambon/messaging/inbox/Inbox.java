package th.tambon.messaging.inbox;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;

/** Remembers which events a consumer has applied, in the same transaction as the effect. */
public final class Inbox {
    private Inbox() {
    }

    /** Records the event for the consumer; false when it was recorded before (a duplicate, to be skipped). */
    public static boolean claim(Connection connection, String consumer, String eventId, String eventType,
                                String topic, int partition, long offset) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement("""
                INSERT INTO messaging.inbox_message (consumer, event_id, event_type, topic, partition, "offset")
                VALUES (?, ?, ?, ?, ?, ?) ON CONFLICT (consumer, event_id) DO NOTHING""")) {
            insert.setString(1, consumer);
            insert.setString(2, eventId);
            insert.setString(3, eventType);
            insert.setString(4, topic);
            insert.setInt(5, partition);
            insert.setLong(6, offset);
            return insert.executeUpdate() == 1;
        }
    }
}
