package th.tambon.contracts;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

class ContractsArchitectureTest {
    private final JavaClasses contracts = new ClassFileImporter()
            .withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
            .importPackages("th.tambon.contracts");

    @Test
    void contracts_depend_on_nothing_but_the_jdk() {
        noClasses().should().dependOnClassesThat().resideOutsideOfPackages("th.tambon.contracts..", "java..")
                .check(contracts);
    }
}
