package io.riskstream.portfolio.domain.risk;

import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.Map;
import java.util.TreeMap;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class VolatilityAnalysisTest {

    private static final LocalDate D = LocalDate.of(2024, 12, 31);

    @Test
    void aShortHistoryGivesNoVolatilityAndSaysHowManyReturnsThereAre() {
        PriceHistories h = PriceHistories.of(Map.of("AAA", walk(D, 40, 0.01), "BBB", walk(D, 300, 0.02)));
        Volatility v = VolatilityAnalysis.compute(D, Map.of("AAA", 1_000.0, "BBB", 2_000.0), h);
        assertThat(v.observations()).isEqualTo(39);
        assertThat(v.realized21d()).isNull();
        assertThat(v.expected21d()).isNull();
        assertThat(v.percentile()).isNull();
        assertThat(v.reasons()).singleElement().asString().contains("39 aligned daily returns", "63 needed",
                "fewest closes: AAA, 40");
    }

    @Test
    void withoutAYearOfReturnsEverythingButThePercentileIsThereAndThePercentileSaysWhy() {
        PriceHistories h = PriceHistories.of(Map.of("AAA", walk(D, 150, 0.01)));
        Volatility v = VolatilityAnalysis.compute(D, Map.of("AAA", 1_000.0), h);
        assertThat(v.observations()).isEqualTo(149);
        assertThat(v.realized21d()).isPositive();
        assertThat(v.realized63d()).isPositive();
        assertThat(v.expected21d()).isPositive();
        assertThat(v.trend()).isNotNull();
        assertThat(v.percentile()).isNull();
        assertThat(v.reasons()).singleElement().asString().contains("percentile", "149 returns", "252 needed");
    }

    @Test
    void aBookWithNoPricedPublicHoldingHasAReasonNotAZero() {
        Volatility v = VolatilityAnalysis.compute(D, Map.of(), PriceHistories.empty());
        assertThat(v.realized21d()).isNull();
        assertThat(v.reasons()).singleElement().asString().contains("no priced public holding");
    }

    @Test
    void aPriceThatNeverMovesHasZeroRealisedVolatilityAndNoForecast() {
        TreeMap<LocalDate, Double> flat = new TreeMap<>();
        walk(D, 300, 0).keySet().forEach(d -> flat.put(d, 50.0));
        Volatility v = VolatilityAnalysis.compute(D, Map.of("AAA", 1_000.0), PriceHistories.of(Map.of("AAA", flat)));
        assertThat(v.realized21d()).isZero();
        assertThat(v.expected21d()).isNull();
        assertThat(v.trend()).isEqualTo(VolatilityTrend.STABLE);
        assertThat(v.reasons()).anySatisfy(r -> assertThat(r).contains("HAR forecast"));
    }

    @Test
    void weightsAreMarketValueOverGrossSoAShortHedgeReducesVolatility() {
        TreeMap<LocalDate, Double> a = walk(D, 300, 0.01);
        PriceHistories h = PriceHistories.of(Map.of("AAA", a, "BBB", a));
        // long 3, short 1 of the same returns: r = (3 − 1) / 4 · r_A
        Volatility hedged = VolatilityAnalysis.compute(D, Map.of("AAA", 3_000.0, "BBB", -1_000.0), h);
        Volatility alone = VolatilityAnalysis.compute(D, Map.of("AAA", 1_000.0), h);
        assertThat(hedged.realized63d()).isCloseTo(0.5 * alone.realized63d(), within(1e-12));
    }

    /** Closes on the last {@code days} weekdays up to {@code end}, a deterministic zig-zag of amplitude {@code step}. */
    static TreeMap<LocalDate, Double> walk(LocalDate end, int days, double step) {
        TreeMap<LocalDate, Double> closes = new TreeMap<>();
        LocalDate d = end;
        double p = 100;
        for (int i = 0; i < days; d = d.minusDays(1)) {
            if (d.getDayOfWeek().getValue() <= 5) {
                p *= 1 + step * Math.sin(i * 1.7) * (1 + 0.5 * Math.cos(i * 0.13));
                closes.put(d, p);
                i++;
            }
        }
        return closes;
    }
}
