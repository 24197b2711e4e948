package io.riskstream.profile;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.riskstream.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.importProduction("io.riskstream.profile");

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava("io.riskstream.profile").check(classes);
    }

    @Test
    void applicationAndDomainUseNoInfrastructure() {
        ArchitectureRules.applicationAndDomainUseNoInfrastructure("io.riskstream.profile").check(classes);
    }
}
