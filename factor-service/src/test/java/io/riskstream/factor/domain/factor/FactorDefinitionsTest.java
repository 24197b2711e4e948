package io.riskstream.factor.domain.factor;

import static org.assertj.core.api.Assertions.assertThat;

import io.riskstream.common.factors.FactorId;
import io.riskstream.common.factors.RegressionMethod;
import java.util.List;
import org.junit.jupiter.api.Test;

class FactorDefinitionsTest {

    private final FactorDefinitions definitions = FactorDefinitions.of(FactorSettings.defaults());

    @Test
    void definesAllThirteenFactorsWithTheLegacyRules() {
        assertThat(definitions.definitions()).hasSize(13);
        assertThat(definitions.get(FactorId.MARKET_BETA)).isEqualTo(new FactorDefinition(FactorId.MARKET_BETA,
                RegressionMethod.OLS, List.of("SPY"), 90, 30, 5.0));
        assertThat(definitions.get(FactorId.IR_BETA).regressor()).isEqualTo("TLT");
        assertThat(definitions.get(FactorId.SIZE_SPREAD)).isEqualTo(new FactorDefinition(FactorId.SIZE_SPREAD,
                RegressionMethod.SPREAD, List.of("IWM", "SPY"), 180, 60, 5.0));
        assertThat(definitions.get(FactorId.PROVIDER_BETA).method()).isEqualTo(RegressionMethod.PROVIDER);
    }

    @Test
    void ridgeMembersAreTheSixStyleEtfsInDesignOrder() {
        assertThat(definitions.ridgeMembers()).extracting(FactorDefinition::regressor)
                .containsExactly("VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV");
        assertThat(definitions.ridgeMembers()).allSatisfy(d -> {
            assertThat(d.windowDays()).isEqualTo(90);
            assertThat(d.minReturns()).isEqualTo(30);
        });
    }

    @Test
    void spreadsPairTheirLongAndShortLegs() {
        assertThat(definitions.byMethod(RegressionMethod.SPREAD)).extracting(d -> d.regressor() + "-" + d.shortLeg())
                .containsExactly("VUG-VTV", "MTUM-SPY", "IWM-SPY", "QUAL-SPY");
    }

    @Test
    void ridgeStillNeedsMoreThanSixReturnsWhenTheGeneralMinimumIsLowered() {
        FactorDefinitions lenient = FactorDefinitions.of(new FactorSettings(1.0, 5.0, 30, 90, 180, 3, 3));
        assertThat(lenient.get(FactorId.VALUE).minReturns()).isEqualTo(7);
        assertThat(lenient.get(FactorId.MARKET_BETA).minReturns()).isEqualTo(3);
    }
}
