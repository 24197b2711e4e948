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

    /**
     * Infrastructure that neither the rules nor the use cases may touch: they talk to ports ({@code EventPublisher},
     * {@code UnitOfWork}, the stores) and receive commands; the adapters own Kafka, JDBC, transactions, the outbox,
     * metrics and HTTP.
     */
    static final String[] INFRASTRUCTURE = {
            "org.apache.kafka..", "org.springframework.kafka..", "io.riskstream.common.kafka..",
            "java.sql..", "javax.sql..", "org.springframework.jdbc..", "org.springframework.dao..",
            "org.springframework.transaction..", "io.riskstream.common.outbox..", "io.riskstream.common.jdbc..",
            "io.micrometer..", "org.springframework.web..", "org.springframework.http..", "jakarta.servlet..",
            "tools.jackson..", "com.fasterxml.jackson.."};

    /**
     * The strict rule: no class of {@code <base>.application} or {@code <base>.domain} depends on an infrastructure
     * type (the types, not only their packages: a field, a parameter, a return type, a thrown exception, a call).
     */
    public static ArchRule applicationAndDomainUseNoInfrastructure(String basePackage) {
        String[] banned = java.util.stream.Stream.concat(java.util.Arrays.stream(INFRASTRUCTURE),
                java.util.stream.Stream.of(basePackage + ".adapters..", basePackage + ".config..")).toArray(String[]::new);
        return noClasses().that().resideInAnyPackage(basePackage + ".application..", basePackage + ".domain..")
                .should().dependOnClassesThat().resideInAnyPackage(banned)
                .because("use cases receive commands and talk to ports; the adapters own Kafka, JDBC, transactions, "
                        + "the outbox, metrics and HTTP");
    }
}
