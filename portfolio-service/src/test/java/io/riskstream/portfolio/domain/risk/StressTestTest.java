package io.riskstream.portfolio.domain.risk;

import io.riskstream.portfolio.config.StressScenarioFile;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class StressTestTest {

    private static final LocalDate D = LocalDate.of(2024, 12, 31);

    private static StressCatalogue catalogue(String scenarios) {
        return StressScenarioFile.read("test", ("""
                {"version": "t", "factorProxies": {"market_beta": "SPY", "ir_beta": "TLT", "value": "VTV"},
                 "factorCorrelation": {"lookbackDays": 252, "bufferDays": 30, "decay": 0.94, "minObservations": 30,
                                       "bounds": [-0.95, 0.95]},
                 "interestRate": {"factor": "ir_beta", "proxyDuration": 17.0}, "lossCap": 0.99,
                 "scenarios": [%s]}""").formatted(scenarios).getBytes());
    }

    /** Factor correlations from proxies that are perfectly correlated (clamped to 0.95). */
    private static FactorCorrelations correlated() {
        var walk = VolatilityAnalysisTest.walk(D, 300, 0.01);
        return FactorCorrelations.compute(D, Map.of("market_beta", "SPY", "ir_beta", "TLT", "value", "VTV"),
                PriceHistories.of(Map.of("SPY", walk, "TLT", walk, "VTV", walk)),
                new FactorCorrelations.Settings(282, 0.94, 30, -0.95, 0.95));
    }

    @Test
    void aMarketShockIsTheDollarExposureTimesTheShockAndSpreadsThroughCorrelatedFactors() {
        StressCatalogue c = catalogue("""
                {"id": "down", "name": "down", "category": "market_risk", "active": true, "shocks": {"market_beta": -0.1}}""");
        StressResult r = StressTest.run(c, Map.of("market_beta", new double[]{0.5, 500_000},
                "ir_beta", new double[]{0.1, 100_000}, "value", new double[]{-0.2, -200_000}), 900_000, correlated())
                .getFirst();
        assertThat(r.directPnl()).isCloseTo(-50_000, within(1e-6));
        assertThat(r.factorImpacts()).containsOnlyKeys("market_beta");
        // ρ clamped to 0.95: −0.1 × (500,000 + 0.95 × 100,000 + 0.95 × −200,000)
        assertThat(r.correlatedPnl()).isCloseTo(-0.1 * (500_000 + 0.95 * 100_000 - 0.95 * 200_000), within(1e-6));
        assertThat(r.correlationEffect()).isCloseTo(r.correlatedPnl() - r.directPnl(), within(1e-9));
        assertThat(r.reasons()).isEmpty();
    }

    @Test
    void aRateRiseIsANegativeReturnOfTheRateProxyScaledByItsDuration() {
        StressCatalogue c = catalogue("""
                {"id": "up100", "name": "up", "category": "interest_rate_risk", "active": true,
                 "shocks": {"interest_rate": 0.01}}""");
        StressResult r = StressTest.run(c, Map.of("market_beta", new double[]{0, 0},
                "ir_beta", new double[]{0.2, 200_000}, "value", new double[]{0, 0}), 1_000_000, correlated()).getFirst();
        // a book that rises with TLT loses when rates rise: 200,000 × (−17 × 0.01)
        assertThat(r.directPnl()).isCloseTo(-34_000, within(1e-6));
    }

    @Test
    void aLossIsFlooredAt99PercentOfAPositiveNetExposureOnly() {
        StressCatalogue c = catalogue("""
                {"id": "crash", "name": "crash", "category": "market_risk", "active": true, "shocks": {"market_beta": -0.9}}""");
        Map<String, double[]> levered = Map.of("market_beta", new double[]{3, 3_000_000},
                "ir_beta", new double[]{0, 0}, "value", new double[]{0, 0});
        StressResult longBook = StressTest.run(c, levered, 1_000_000, correlated()).getFirst();
        assertThat(longBook.directPnl()).isCloseTo(-990_000, within(1e-6));
        assertThat(longBook.directCapped()).isTrue();
        StressResult netShort = StressTest.run(c, levered, -10_000, correlated()).getFirst();
        assertThat(netShort.directPnl()).isCloseTo(-2_700_000, within(1e-6));
        assertThat(netShort.directCapped()).isFalse();
    }

    @Test
    void aMissingExposureOrCorrelationLeavesThatPnlOutWithTheReason() {
        StressCatalogue c = catalogue("""
                {"id": "rot", "name": "rot", "category": "factor_rotations", "active": true, "shocks": {"value": 0.2}},
                {"id": "old", "name": "old", "category": "historical_replays", "active": false, "shocks": {"value": 0.2}}""");
        FactorCorrelations none = FactorCorrelations.compute(D, c.proxies(), PriceHistories.empty(), c.correlation());
        List<StressResult> results = StressTest.run(c, Map.of("market_beta", new double[]{1, 1_000_000}), 1_000_000, none);
        assertThat(results).singleElement().satisfies(r -> {
            assertThat(r.directPnl()).isNull();
            assertThat(r.correlatedPnl()).isNull();
            assertThat(r.reasons()).anySatisfy(s -> assertThat(s).contains("no value exposure"))
                    .anySatisfy(s -> assertThat(s).contains("no correlation of value and market_beta", "0 common returns"));
        });
    }
}
