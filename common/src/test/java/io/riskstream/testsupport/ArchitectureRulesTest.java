package io.riskstream.testsupport;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.tngtech.archunit.core.domain.JavaClasses;
import com.tngtech.archunit.core.importer.ClassFileImporter;
import org.junit.jupiter.api.Test;

/** The rules the services' ArchitectureTests apply can fail: each is run on planted violations (archfixture). */
class ArchitectureRulesTest {

    private final JavaClasses planted = new ClassFileImporter().importPackages("io.riskstream.archfixture");

    @Test
    void theStrictRuleFailsOnAUseCaseHoldingTheOutboxAndOnADomainClassUsingMicrometer() {
        assertThatThrownBy(() -> ArchitectureRules.applicationAndDomainUseNoInfrastructure("io.riskstream.archfixture")
                .check(planted))
                .isInstanceOf(AssertionError.class)
                .hasMessageContaining("UseCaseWithAnOutbox").hasMessageContaining("OutboxWriter")
                .hasMessageContaining("RuleThatCounts").hasMessageContaining("io.micrometer");
    }

    @Test
    void theStrictRulePassesOnAUseCaseOnThePorts() {
        ArchitectureRules.applicationAndDomainUseNoInfrastructure("io.riskstream.archfixture.clean")
                .check(new ClassFileImporter().importPackages("io.riskstream.archfixture.clean"));
    }

    @Test
    void theDomainRuleFailsOnADomainClassUsingMicrometerOnlyWhereItBansIt() {
        assertThatThrownBy(() -> ArchitectureRules.applicationAndDomainUseNoInfrastructure("io.riskstream.archfixture")
                .check(new ClassFileImporter().importPackages("io.riskstream.archfixture.domain")))
                .isInstanceOf(AssertionError.class).hasMessageContaining("RuleThatCounts");
    }
}
