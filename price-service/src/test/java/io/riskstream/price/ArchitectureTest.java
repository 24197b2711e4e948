package io.riskstream.price;

import com.tngtech.archunit.core.domain.JavaClasses;
import io.riskstream.testsupport.ArchitectureRules;
import org.junit.jupiter.api.Test;

class ArchitectureTest {

    private final JavaClasses classes = ArchitectureRules.importProduction("io.riskstream.price");

    @Test
    void domainIsPlainJava() {
        ArchitectureRules.domainIsPlainJava("io.riskstream.price").check(classes);
    }

    @Test
    void applicationAndDomainUseNoInfrastructure() {
        ArchitectureRules.applicationAndDomainUseNoInfrastructure("io.riskstream.price").check(classes);
    }
}
