package io.riskstream.portfolio.domain;

import io.riskstream.portfolio.domain.FactorExposureCalculation.PricedHolding;
import org.junit.jupiter.api.Test;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.within;

class FactorExposureCalculationTest {

    private static final LocalDate D = LocalDate.of(2024, 12, 31);

    private static PricedHolding holding(String symbol, double quantity, double price) {
        return new PricedHolding(new Holding(symbol, BigDecimal.valueOf(quantity), BigDecimal.valueOf(price)), price, D);
    }

    @Test
    void exposureIsTheEquityWeightedSumOfSymbolBetasWithShortsNegative() {
        var result = FactorExposureCalculation.compute(D, 1_000_000, List.of(
                        holding("AAA", 1000, 100), holding("BBB", -2000, 50)),
                Map.of("AAA", Map.of("market_beta", 1.2, "value", 0.3), "BBB", Map.of("market_beta", 0.8, "value", -0.1)));
        // weights 0.1 and -0.1
        assertThat(result.factor("market_beta").orElseThrow()[0]).isCloseTo(0.1 * 1.2 - 0.1 * 0.8, within(1e-15));
        assertThat(result.factor("value").orElseThrow()[0]).isCloseTo(0.1 * 0.3 + 0.1 * 0.1, within(1e-15));
        assertThat(result.factor("market_beta").orElseThrow()[1]).isCloseTo(40_000, within(1e-6));
        assertThat(result.grossExposure()).isEqualTo(200_000);
        assertThat(result.netExposure()).isEqualTo(0);
        assertThat(result.coverage()).isEqualTo(1.0);
    }

    @Test
    void optionsAndPrivateHoldingsAddValueButNoFactorExposure() {
        var result = FactorExposureCalculation.compute(D, 100_000, List.of(
                        holding("AAA", 100, 100), holding("A16Z_VC_FUND", 1, 30_000),
                        holding("AAPL250815P00200000", 1, 100)),
                Map.of("AAA", Map.of("market_beta", 2.0), "AAPL250815P00200000", Map.of("market_beta", 9.0)));
        assertThat(result.factor("market_beta").orElseThrow()[0]).isCloseTo(0.1 * 2.0, within(1e-15));
        assertThat(result.grossExposure()).isEqualTo(10_000 + 30_000 + 10_000);
        assertThat(result.coverage()).isCloseTo(10_000.0 / 50_000, within(1e-15));
    }

    @Test
    void aSymbolWithoutBetasLowersCoverageAndContributesNothing() {
        var result = FactorExposureCalculation.compute(D, 100_000, List.of(holding("AAA", 100, 100), holding("NEW", 100, 300)),
                Map.of("AAA", Map.of("market_beta", 1.0)));
        assertThat(result.factor("market_beta").orElseThrow()[0]).isCloseTo(0.1, within(1e-15));
        assertThat(result.coverage()).isCloseTo(0.25, within(1e-15));
    }

    @Test
    void nonPositiveEquityIsRejected() {
        assertThatThrownBy(() -> FactorExposureCalculation.compute(D, 0, List.of(), Map.of()))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("equity");
    }
}
