package io.riskstream.portfolio;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.riskstream.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.importProduction("io.riskstream.portfolio");

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava("io.riskstream.portfolio").check(classes);
    }

    @Test
    void applicationAndDomainUseNoInfrastructure() {
        ArchitectureRules.applicationAndDomainUseNoInfrastructure("io.riskstream.portfolio").check(classes);
    }
}
