package th.tambon.replica.schools;

import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.configuration.kafka.annotation.Topic;
import org.apache.kafka.clients.consumer.Consumer;
import org.apache.kafka.clients.consumer.ConsumerRecords;
import th.tambon.contracts.Topics;
import th.tambon.contracts.schools.AcademicCalendarChanged;
import th.tambon.contracts.schools.EsaRegistered;
import th.tambon.contracts.schools.EsaUpdated;
import th.tambon.contracts.schools.QualitySchoolDesignationChanged;
import th.tambon.contracts.schools.SchoolUpdated;
import th.tambon.contracts.schools.SchoolRegistered;
import th.tambon.messaging.consumer.Delivery;
import th.tambon.messaging.consumer.InboxListener;
import th.tambon.messaging.consumer.Subscription;

/**
 * Keeps {@code schools_replica.esa}, {@code .school}, {@code .designation} and the academic calendar
 * ({@code .academic_calendar}, {@code .academic_year}: {@link AcademicCalendarReplica}) true to schools.v1, as
 * consumer group {@code <service>.schools-replica}. Each event is applied with its inbox row, so a redelivered event
 * changes nothing, and only to the part it carries, when it is newer than that part (its aggregate version): an ESA's
 * or a school's details, a designation, the whole calendar; a school's quality status follows its latest designation.
 * An older event never undoes a newer one, and a late one still sets its part when it is the newest word on it.
 */
@KafkaListener(groupId = "${micronaut.application.name}.schools-replica",
        clientId = "${micronaut.application.name}.schools-replica-${tambon.messaging.instance-id:HOSTNAME:local}",
        offsetReset = OffsetReset.EARLIEST, offsetStrategy = OffsetStrategy.SYNC, batch = true)
public class SchoolsReplicaListener extends InboxListener {

    SchoolsReplicaListener(Delivery delivery, EsaReplicaRepository esas, SchoolReplicaRepository schools,
                           DesignationReplicaRepository designations, AcademicCalendarReplica academicCalendar) {
        super(delivery, Subscription.from(Topics.producerOf(Topics.SCHOOLS_V1).orElseThrow())
                .on(EsaRegistered.class, (esa, event) -> esas.apply(esa, event.event().id()))
                .on(EsaUpdated.class, (esa, event) -> esas.apply(esa, event.event().id()))
                .on(SchoolRegistered.class, (school, event) -> schools.apply(school, event.event().id()))
                .on(SchoolUpdated.class, (school, event) -> schools.apply(school, event.event().id()))
                .on(QualitySchoolDesignationChanged.class, (step, event) -> {
                    designations.apply(step, event.event().id());
                    schools.takeQualityStatus(step.school(), step.version(), event.event().id());
                })
                .on(AcademicCalendarChanged.class,
                        (calendar, event) -> academicCalendar.apply(calendar, event.event().id())));
    }

    @Topic(Topics.SCHOOLS_V1)
    void receive(ConsumerRecords<String, byte[]> records, Consumer<String, byte[]> consumer) {
        deliver(records, consumer);
    }
}
