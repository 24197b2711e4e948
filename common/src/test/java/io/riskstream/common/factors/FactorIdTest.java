package io.riskstream.common.factors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class FactorIdTest {

    @Test
    void wireNamesAreTheStableThirteen() {
        assertThat(Arrays.stream(FactorId.values()).map(FactorId::wireName)).containsExactly(
                "market_beta", "ir_beta", "value", "growth", "momentum", "quality", "size", "low_volatility",
                "growth_value_spread", "momentum_spread", "size_spread", "quality_spread", "provider_beta");
    }

    @Test
    void wireNamesMapBackToTheirFactor() {
        for (FactorId id : FactorId.values()) {
            assertThat(FactorId.fromWireName(id.wireName())).isEqualTo(id);
        }
        assertThatIllegalArgumentException().isThrownBy(() -> FactorId.fromWireName("Market Beta (90D)"))
                .withMessageContaining("Market Beta (90D)");
    }
}
