package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.RegisterExtension;
import th.tambon.testkit.RealInfrastructure;

import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;

/** Inbox and published outbox rows are deleted after their retention; younger rows and unsent ones stay. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PruningTest {
    @RegisterExtension
    static final RealInfrastructure infra = new RealInfrastructure();

    private ApplicationContext context;

    @BeforeAll
    void start() {
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("micronaut.application.name", "pruning-test");
        props.put("tambon.messaging.relay-enabled", false);
        props.put("tambon.messaging.prune-batch-size", 2);
        context = ApplicationContext.run(props);
    }

    @AfterAll
    void stop() {
        if (context != null) {
            context.close();
        }
    }

    @Test
    void inbox_rows_older_than_the_retention_are_pruned_in_batches_and_younger_ones_kept() throws SQLException {
        for (int i = 0; i < 5; i++) {
            execute("INSERT INTO messaging.inbox_message (consumer, event_id, event_type, topic, partition, \"offset\", "
                    + "received_at) VALUES ('c', 'old-" + i + "', 't', 'schools.v1', 0, " + i + ", now() - interval '8 days')");
        }
        execute("INSERT INTO messaging.inbox_message (consumer, event_id, event_type, topic, partition, \"offset\") "
                + "VALUES ('c', 'young', 't', 'schools.v1', 0, 9)");

        int pruned = context.getBean(Pruning.class).pruneInbox();

        assertThat(pruned).isEqualTo(5);
        assertThat(count("SELECT count(*) FROM messaging.inbox_message")).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM messaging.inbox_message WHERE event_id = 'young'")).isEqualTo(1);
    }

    @Test
    void published_outbox_rows_older_than_the_retention_are_pruned_and_unsent_ones_never() throws SQLException {
        outboxRow("published long ago", "now() - interval '8 days'");
        outboxRow("published now", "now()");
        outboxRow("never published", "NULL");
        execute("UPDATE messaging.outbox_message SET created_at = now() - interval '30 days'");

        int pruned = context.getBean(Pruning.class).pruneOutbox();

        assertThat(pruned).isEqualTo(1);
        assertThat(count("SELECT count(*) FROM messaging.outbox_message")).isEqualTo(2);
        assertThat(count("SELECT count(*) FROM messaging.outbox_message WHERE sent_at IS NULL")).isEqualTo(1);
    }

    private void outboxRow(String key, String sentAt) throws SQLException {
        execute("INSERT INTO messaging.outbox_message (event_id, topic, message_key, lane, event_type, source, "
                + "occurred_at, payload, sent_at) VALUES (gen_random_uuid(), 'schools.v1', '" + key + "', 0, 't', 's', "
                + "now(), '{}', " + sentAt + ")");
    }

    private void execute(String sql) throws SQLException {
        new KitSql(infra.database()).execute(sql);
    }

    private int count(String sql) throws SQLException {
        return new KitSql(infra.database()).count(sql);
    }
}
