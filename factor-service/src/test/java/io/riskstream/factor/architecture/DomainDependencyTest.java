package io.riskstream.factor.architecture;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import org.junit.jupiter.api.Test;

class DomainDependencyTest {

    @Test
    void domainUsesNoSpringKafkaJdbcOrJackson() {
        noClasses().that().resideInAPackage("io.riskstream.factor.domain..")
                .should().dependOnClassesThat().resideInAnyPackage(
                        "org.springframework..", "org.apache.kafka..", "java.sql..", "javax.sql..",
                        "com.fasterxml.jackson..", "tools.jackson..")
                .check(new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                        .importPackages("io.riskstream.factor.domain"));
    }
}
