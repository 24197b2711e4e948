package io.riskstream.portfolio.domain.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class CorrelationAnalysisTest {

    private static final LocalDate D = LocalDate.of(2024, 12, 31);
    private static final double NAV = 1_000_000;

    @Test
    void onePricedPositionIsNotEnoughAndTheReasonSaysSo() {
        PriceHistories h = PriceHistories.of(Map.of("AAA", VolatilityAnalysisTest.walk(D, 100, 0.01)));
        Correlations c = CorrelationAnalysis.compute(D, Map.of("AAA", 500_000.0), NAV, h, Map.of());
        assertThat(c.pairs()).isEmpty();
        assertThat(c.effectivePositions()).isNull();
        assertThat(c.reasons()).singleElement().asString().contains("1 position(s) qualify", "2 needed");
    }

    @Test
    void smallPositionsAreLeftOutAndAShortHistoryIsExcludedWithoutShorteningTheOthers() {
        PriceHistories h = PriceHistories.of(Map.of(
                "AAA", VolatilityAnalysisTest.walk(D, 100, 0.01), "BBB", VolatilityAnalysisTest.walk(D, 100, 0.02),
                "NEW", VolatilityAnalysisTest.walk(D, 12, 0.01), "TINY", VolatilityAnalysisTest.walk(D, 100, 0.01)));
        Correlations c = CorrelationAnalysis.compute(D, Map.of("AAA", 300_000.0, "BBB", 200_000.0, "NEW", 100_000.0,
                "TINY", 9_000.0), NAV, h, Map.of());
        assertThat(c.symbols()).containsExactly("AAA", "BBB");
        assertThat(c.dataPoints()).isGreaterThanOrEqualTo(60);
        assertThat(c.excluded()).singleElement().asString().contains("NEW: 11 returns", "30 needed");
        assertThat(c.reasons()).isEmpty();
    }

    @Test
    void symbolsMovingTogetherFormAClusterNamedAfterTheirSectorAndCountAsLessThanTwoPositions() {
        TreeMap<LocalDate, Double> a = VolatilityAnalysisTest.walk(D, 100, 0.01);
        TreeMap<LocalDate, Double> twice = new TreeMap<>();
        a.forEach((d, p) -> twice.put(d, 2 * p));
        TreeMap<LocalDate, Double> other = VolatilityAnalysisTest.walk(D, 100, 0.013);
        other.replaceAll((d, p) -> p * (1 + 0.01 * Math.cos(d.toEpochDay() * 2.1)));
        PriceHistories h = PriceHistories.of(Map.of("AAA", a, "AAB", twice, "ZZZ", other));
        Correlations c = CorrelationAnalysis.compute(D, Map.of("AAA", 200_000.0, "AAB", 100_000.0, "ZZZ", 100_000.0),
                NAV, h, Map.of("AAA", "Technology", "AAB", "Technology"));
        assertThat(c.pairs().getFirst().correlation()).isCloseTo(1.0, within(1e-12));
        assertThat(c.clusters()).singleElement().satisfies(cluster -> {
            assertThat(cluster.symbols()).containsExactly("AAA", "AAB");
            assertThat(cluster.name()).isEqualTo("Technology");
            assertThat(cluster.grossValue()).isEqualTo(300_000);
        });
        assertThat(c.concentrationScore()).isCloseTo(0.75, within(1e-12));
        double sum = 3 + 2 * (c.pairs().get(0).correlation() + c.pairs().get(1).correlation() + c.pairs().get(2).correlation());
        assertThat(c.effectivePositions()).isCloseTo(9 / sum, within(1e-12)).isLessThan(3);
    }

    @Test
    void aClusterWithoutASharedSectorIsNumbered() {
        assertThat(CorrelationAnalysis.name(java.util.List.of("A", "B", "C"), Map.of("A", "Energy", "B", "Utilities"), 2))
                .isEqualTo("Cluster 2");
        assertThat(CorrelationAnalysis.name(java.util.List.of("A", "B", "C"),
                Map.of("A", "Energy", "B", "Energy", "C", "Energy"), 1)).isEqualTo("Energy");
    }
}
