package th.tambon.testkit;

import com.fasterxml.jackson.databind.ObjectMapper;

import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Collectors;

/**
 * What a service has published on a topic, read from its outbox in the order the relay publishes it (the outbox's id
 * order; one key's events share a lane), and the contract docs/topics.md states about it: every event on a key carries
 * a version that only grows for that key, and its ce_subject is the key.
 */
public final class PublishedEvents {
    private PublishedEvents() {
    }

    /** An event in the outbox: its key, ce_subject, ce_type and the data's {@code version}. */
    public record Published(String key, String subject, String type, long version) {
    }

    /** The service's events on {@code topic}, in publication order. */
    public static List<Published> inOutbox(TestDatabase database, String topic) {
        ObjectMapper json = new ObjectMapper();
        List<Published> published = new ArrayList<>();
        try (Connection connection = database.connect(); Statement statement = connection.createStatement();
             ResultSet rows = statement.executeQuery("SELECT message_key, subject, event_type, payload"
                     + " FROM messaging.outbox_message WHERE topic = '" + topic.replace("'", "''") + "' ORDER BY id")) {
            while (rows.next()) {
                published.add(new Published(rows.getString(1), rows.getString(2), rows.getString(3),
                        json.readTree(rows.getString(4)).get("version").asLong()));
            }
        } catch (SQLException | java.io.IOException e) {
            throw new IllegalStateException("reading the outbox of " + topic, e);
        }
        return published;
    }

    /**
     * Fails unless, among the service's events on {@code topic}, each key's versions strictly grow in publication
     * order, each ce_subject is its key, and every type of {@code types} was published (a type added to the topic
     * without being driven by the test fails it). Returns the events.
     */
    public static List<Published> assertVersionsGrowPerKey(TestDatabase database, String topic,
                                                           Collection<String> types) {
        List<Published> published = inOutbox(database, topic);
        Map<String, List<Long>> versionsByKey = new LinkedHashMap<>();
        for (Published event : published) {
            if (!event.key().equals(event.subject())) {
                throw new AssertionError("ce_subject of " + event + " is not its key");
            }
            versionsByKey.computeIfAbsent(event.key(), k -> new ArrayList<>()).add(event.version());
        }
        versionsByKey.forEach((key, versions) -> {
            for (int i = 1; i < versions.size(); i++) {
                if (versions.get(i) <= versions.get(i - 1)) {
                    throw new AssertionError("the versions of key " + key + " in publication order do not only "
                            + "grow: " + published.stream().filter(p -> p.key().equals(key))
                            .map(p -> p.type() + " v" + p.version()).toList());
                }
            }
        });
        Set<String> missing = new TreeSet<>(types);
        missing.removeAll(published.stream().map(Published::type).collect(Collectors.toSet()));
        if (!missing.isEmpty()) {
            throw new AssertionError("event types on " + topic + " this test did not drive: " + missing);
        }
        return published;
    }
}
