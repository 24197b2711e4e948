package io.riskstream.testsupport;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import com.tngtech.archunit.core.importer.ImportOption;
import com.tngtech.archunit.lang.ArchRule;

import static com.tngtech.archunit.lang.syntax.ArchRuleDefinition.noClasses;

/** The dependency rules every service keeps: its domain is plain Java. */
public final class ArchitectureRules {

    private ArchitectureRules() {
    }

    public static JavaClasses importProduction(String basePackage) {
        return new ClassFileImporter().withImportOption(ImportOption.Predefined.DO_NOT_INCLUDE_TESTS)
                .importPackages(basePackage);
    }

    /** No Spring, Kafka, JDBC, Jackson or adapter code in {@code <base>.domain}. */
    public static ArchRule domainIsPlainJava(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage("org.springframework..", "org.apache.kafka..",
                        "java.sql..", "javax.sql..", "tools.jackson..", "com.fasterxml.jackson..",
                        basePackage + ".adapters..", basePackage + ".application..", basePackage + ".config..")
                .because("the domain holds the rules and the mathematics, tested without infrastructure");
    }

    /** The application layer talks to ports, not to Kafka or JDBC types. */
    public static ArchRule applicationHasNoKafkaOrJdbc(String basePackage) {
        return noClasses().that().resideInAPackage(basePackage + ".application..")
                .should().dependOnClassesThat().resideInAnyPackage("org.apache.kafka..", "java.sql..",
                        "org.springframework.jdbc..", "org.springframework.kafka..", basePackage + ".adapters..")
                .because("adapters translate between Kafka/JDBC and the use cases");
    }
}
