package io.riskstream.factor;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.riskstream.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.importProduction("io.riskstream.factor");

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava("io.riskstream.factor").check(classes);
    }

    @Test
    void applicationAndDomainUseNoInfrastructure() {
        ArchitectureRules.applicationAndDomainUseNoInfrastructure("io.riskstream.factor").check(classes);
    }
}
