package th.tambon.system;

import com.tngtech.archunit.base.DescribedPredicate;
import com.tngtech.archunit.core.domain.JavaClass;
import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.domain.JavaParameterizedType;
import com.tngtech.archunit.core.domain.JavaType;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.lang.ArchCondition;
import com.tngtech.archunit.lang.ConditionEvents;
import com.tngtech.archunit.lang.SimpleConditionEvent;
import io.micronaut.configuration.kafka.annotation.KafkaListener;
import io.micronaut.configuration.kafka.annotation.OffsetReset;
import io.micronaut.configuration.kafka.annotation.OffsetStrategy;
import io.micronaut.data.annotation.MappedEntity;
import io.micronaut.data.jdbc.annotation.JdbcRepository;
import io.micronaut.data.repository.GenericRepository;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.junit.jupiter.api.Test;
import th.tambon.messaging.consumer.InboxListener;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;

import static com.tngtech.archunit.core.domain.JavaCall.Predicates.target;
import static com.tngtech.archunit.core.domain.properties.HasName.Predicates.nameMatching;
import static com.tngtech.archunit.core.domain.properties.HasOwner.Predicates.With.owner;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.classes;
import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;
import static org.assertj.core.api.Assertions.assertThat;

/**
 * The stack Tambon is specified with, kept by the build over the compiled classes of the kit, the replica and the
 * services: consumers are micronaut-kafka {@code @KafkaListener} beans on the kit's {@link InboxListener}, set up to
 * lose nothing; no hand-made Kafka clients or JDBC statements; every table behind a Micronaut Data repository.
 */
class StackArchitectureIT {
    private static final Path ROOT = Path.of(System.getProperty("tambon.root", "..")).toAbsolutePath().normalize();
    private static final List<String> MODULES = List.of("messaging", "http-kit", "schools-replica", "schools-service",
            "events-service", "budget-service", "gateway");
    private static final JavaClasses MAIN = new ClassFileImporter().importPaths(
            MODULES.stream().map(m -> ROOT.resolve(m).resolve("target/classes")).toList());

    @Test
    void the_modules_were_read() {
        assertThat(MAIN.containPackage("th.tambon.messaging.consumer")).isTrue();
        assertThat(MAIN.containPackage("th.tambon.schools.school.infrastructure")).isTrue();
        assertThat(MAIN.containPackage("th.tambon.replica.schools")).isTrue();
    }

    @Test
    void no_class_makes_its_own_kafka_consumer_or_producer() {
        noClasses().should().callConstructorWhere(target(owner(JavaClass.Predicates.assignableTo(KafkaConsumer.class))))
                .orShould().callConstructorWhere(target(owner(JavaClass.Predicates.assignableTo(KafkaProducer.class))))
                .because("consumers are @KafkaListener beans and producers come from micronaut-kafka (kafka.producers.*)")
                .check(MAIN);
    }

    @Test
    void no_class_writes_its_own_jdbc_statements() {
        noClasses().should().callMethodWhere(target(owner(JavaClass.Predicates.assignableTo(Connection.class)))
                        .and(target(nameMatching("prepareStatement|prepareCall|createStatement"))))
                .because("every table is read and written through a Micronaut Data repository")
                .check(MAIN);
    }

    @Test
    void every_kafka_listener_is_an_inbox_listener_that_loses_nothing() {
        classes().that().areAnnotatedWith(KafkaListener.class)
                .should().beAssignableTo(InboxListener.class)
                .andShould(new ArchCondition<>("set groupId and clientId, read from the earliest offset, run as a batch "
                        + "and commit synchronously after the kit finished") {
                    @Override
                    public void check(JavaClass listener, ConditionEvents events) {
                        KafkaListener settings = listener.getAnnotationOfType(KafkaListener.class);
                        boolean safe = !settings.groupId().isBlank() && !settings.clientId().isBlank()
                                && settings.offsetReset() == OffsetReset.EARLIEST
                                && settings.offsetStrategy() == OffsetStrategy.SYNC && settings.batch();
                        events.add(new SimpleConditionEvent(listener, safe, listener.getName() + " is declared "
                                + (safe ? "safely" : "unsafely: " + settings)));
                    }
                })
                .allowEmptyShould(false)
                .check(MAIN);
    }

    @Test
    void every_table_a_migration_creates_is_behind_a_repository() throws IOException {
        Set<String> entities = new HashSet<>();
        for (JavaClass repository : MAIN.that(annotatedWithJdbcRepository())) {
            repositoryEntity(repository).ifPresent(entities::add);
        }
        Set<String> unrepresented = new TreeSet<>();
        for (Table table : tablesCreatedByMigrations()) {
            boolean represented = MAIN.stream().filter(c -> c.isAnnotatedWith(MappedEntity.class))
                    .filter(c -> entities.contains(c.getName()))
                    .anyMatch(c -> table.matches(c.getAnnotationOfType(MappedEntity.class)));
            if (!represented) {
                unrepresented.add(table.toString());
            }
        }
        assertThat(unrepresented).as("tables without a @MappedEntity behind a @JdbcRepository").isEmpty();
    }

    private static DescribedPredicate<JavaClass> annotatedWithJdbcRepository() {
        return DescribedPredicate.describe("annotated with @JdbcRepository", c -> c.isAnnotatedWith(JdbcRepository.class));
    }

    /** The entity E of a repository extending GenericRepository<E, ID>, directly or through another repository. */
    private static java.util.Optional<String> repositoryEntity(JavaClass repository) {
        for (JavaType type : repository.getInterfaces()) {
            if (type instanceof JavaParameterizedType parameterized
                    && parameterized.toErasure().isAssignableTo(GenericRepository.class)
                    && !parameterized.getActualTypeArguments().isEmpty()) {
                return java.util.Optional.of(parameterized.getActualTypeArguments().get(0).toErasure().getName());
            }
        }
        return java.util.Optional.empty();
    }

    private record Table(String schema, String name) {
        boolean matches(MappedEntity entity) {
            String entitySchema = entity.schema().isBlank() ? "public" : entity.schema();
            return entitySchema.equals(schema) && entity.value().equalsIgnoreCase(name);
        }

        @Override
        public String toString() {
            return schema + "." + name;
        }
    }

    /** CREATE TABLE statements of every module's Flyway migrations, with the schema they are applied to. */
    private static List<Table> tablesCreatedByMigrations() throws IOException {
        Pattern create = Pattern.compile("CREATE TABLE\\s+(?:IF NOT EXISTS\\s+)?([a-z_]+)", Pattern.CASE_INSENSITIVE);
        List<Table> tables = new java.util.ArrayList<>();
        for (String module : MODULES) {
            Path resources = ROOT.resolve(module).resolve("src/main/resources");
            if (!Files.isDirectory(resources)) {
                continue;
            }
            try (Stream<Path> files = Files.walk(resources)) {
                for (Path sql : files.filter(f -> f.getFileName().toString().matches("V\\d+__.*\\.sql")).toList()) {
                    String schema = schemaOf(resources.relativize(sql).toString());
                    Matcher m = create.matcher(Files.readString(sql));
                    while (m.find()) {
                        tables.add(new Table(schema, m.group(1).toLowerCase(Locale.ROOT)));
                    }
                }
            }
        }
        assertThat(tables).as("tables found in migrations").isNotEmpty();
        return tables;
    }

    /** The kit's and the replica's migrations go to their own schemas (OwnSchema); a service's to public. */
    private static String schemaOf(String location) {
        if (location.startsWith("th/tambon/messaging/")) {
            return "messaging";
        }
        if (location.startsWith("th/tambon/replica/schools/")) {
            return "schools_replica";
        }
        return "public";
    }
}
