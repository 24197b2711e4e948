package io.riskstream.fundamentals;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.riskstream.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.importProduction("io.riskstream.fundamentals");

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava("io.riskstream.fundamentals").check(classes);
    }

    @Test
    void applicationAndDomainUseNoInfrastructure() {
        ArchitectureRules.applicationAndDomainUseNoInfrastructure("io.riskstream.fundamentals").check(classes);
    }
}
