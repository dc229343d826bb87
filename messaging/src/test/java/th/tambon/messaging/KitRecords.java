package th.tambon.messaging;

import io.micronaut.context.ApplicationContext;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.clients.producer.RecordMetadata;
import th.tambon.contracts.EventType;
import th.tambon.contracts.Topics;
import th.tambon.contracts.schools.SchoolRegistered;
import th.tambon.messaging.cloudevents.CloudEvent;
import th.tambon.messaging.cloudevents.CloudEventHeaders;
import th.tambon.messaging.codec.EventCodec;
import th.tambon.testkit.RealInfrastructure;
import th.tambon.testkit.kafka.KafkaProbe;

import java.sql.SQLException;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;

/** Hand-made schools.v1 records for the kit's tests, and reads of what {@link KitTestListener} applied. */
final class KitRecords {
    static final String SCHOOL_REGISTERED = EventType.SCHOOL_REGISTERED.ceType();

    private final String bootstrapServers;
    private final RealInfrastructure infra;
    private final ApplicationContext context;

    KitRecords(RealInfrastructure infra, ApplicationContext context) {
        this(infra.kafkaBootstrapServers(), infra, context);
    }

    /** For a test with a broker of its own. */
    KitRecords(String bootstrapServers, RealInfrastructure infra, ApplicationContext context) {
        this.bootstrapServers = bootstrapServers;
        this.infra = infra;
        this.context = context;
    }

    static void createAppliedSchoolTable(RealInfrastructure infra) throws SQLException {
        new KitSql(infra.database()).execute("CREATE TABLE applied_school (code TEXT PRIMARY KEY, times INT NOT NULL)");
    }

    /**
     * A context running {@link KitTestListener} as {@code name} against the class's database and the broker at
     * {@code bootstrapServers}, retrying quickly (20 ms to 200 ms); put more in the returned map before running it.
     */
    static Map<String, Object> listenerProperties(RealInfrastructure infra, String name, String bootstrapServers) {
        Map<String, Object> props = new HashMap<>(infra.serviceProperties());
        props.put("kafka.bootstrap.servers", bootstrapServers);
        props.put("micronaut.application.name", name);
        props.put("tambon.messaging.initial-backoff", "20ms");
        props.put("tambon.messaging.max-backoff", "200ms");
        props.put("kit-test.subscription", "true");
        return props;
    }

    /** A school's registration as a hand-made record on a partition of schools.v1 chosen by the test. */
    static ProducerRecord<String, byte[]> onPartition(int partition, SchoolRegistered school) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SCHOOLS_V1, partition, school.code(),
                new EventCodec(io.micronaut.json.JsonMapper.createDefault()).encode(school));
        CloudEventHeaders.write(new CloudEvent(java.util.UUID.randomUUID().toString(), SCHOOL_REGISTERED,
                "/tambon/test", Instant.now(), school.code(), null), record.headers());
        return record;
    }

    static SchoolRegistered school(String code, String nameTh) {
        return new SchoolRegistered(code, nameTh, null, "P51-1", "ลำพูน", "เมืองลำพูน", "ในเมือง", "510101", null,
                null, null, Instant.parse("2020-09-28T02:00:00Z"), 1);
    }

    byte[] json(SchoolRegistered school) {
        return context.getBean(EventCodec.class).encode(school);
    }

    RecordMetadata send(String key, String eventId, byte[] value) {
        return send(key, eventId, value, "/tambon/test", SCHOOL_REGISTERED);
    }

    RecordMetadata send(String key, String eventId, byte[] value, String source, String type) {
        ProducerRecord<String, byte[]> record = new ProducerRecord<>(Topics.SCHOOLS_V1, key, value);
        CloudEventHeaders.write(new CloudEvent(eventId, type, source, Instant.now(), key, null), record.headers());
        return KafkaProbe.send(bootstrapServers, record);
    }

    int times(String code) throws SQLException {
        return count("SELECT coalesce(sum(times), 0) FROM applied_school WHERE code = '" + code + "'");
    }

    int count(String sql) throws SQLException {
        return new KitSql(infra.database()).count(sql);
    }
}
