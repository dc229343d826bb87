package th.tambon.events;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ArchitectureTest {
    private final JavaClasses classes = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("th.tambon.events");

    @Test
    void domain_models_know_no_framework_http_kafka_or_sql() {
        noClasses().that().resideInAPackage("..model..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "io.micronaut..", "jakarta..", "org.apache.kafka..", "java.sql..", "th.tambon.messaging..",
                        "th.tambon.http..")
                .check(classes);
    }

    @Test
    void application_use_cases_do_not_reach_into_the_web_edge() {
        noClasses().that().resideInAPackage("..application..")
                .should().dependOnClassesThat().resideInAnyPackage("..web..", "io.micronaut.http..")
                .check(classes);
    }
}
