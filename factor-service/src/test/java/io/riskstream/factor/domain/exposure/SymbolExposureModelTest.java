package io.riskstream.factor.domain.exposure;

import static io.riskstream.factor.domain.fixtures.Approx.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.riskstream.factor.domain.factor.FactorId;
import io.riskstream.factor.domain.factor.FactorSettings;
import io.riskstream.factor.domain.fixtures.AppendixA;
import io.riskstream.factor.domain.fixtures.GoldenValues;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class SymbolExposureModelTest {

    /** Windows long enough for the whole Appendix-A history (121 weekdays) to fall in one window. */
    static final FactorSettings WHOLE_HISTORY = FactorSettings.defaults().withWindowDays(400, 400);

    @Nested
    class OnTheGoldenVector {

        private final SymbolExposures exposures = new SymbolExposureModel(WHOLE_HISTORY)
                .compute(AppendixA.series("XYZ"), AppendixA.benchmarks(), List.of(AppendixA.lastDate()))
                .getFirst();

        @Test
        void computesTwelveFactorsAndLeavesProviderBetaToTheApplication() {
            assertThat(exposures.factors()).hasSize(12).doesNotContainKey(FactorId.PROVIDER_BETA);
            assertThat(exposures.factors().values()).allMatch(FactorFit.class::isInstance);
            assertThat(exposures.symbol()).isEqualTo("XYZ");
            assertThat(exposures.calculationDate()).isEqualTo(AppendixA.lastDate());
        }

        @Test
        void olsFactorsMatchTheReference() {
            assertOls(FactorId.MARKET_BETA, GoldenValues.MARKET);
            assertOls(FactorId.IR_BETA, GoldenValues.IR);
            assertOls(FactorId.GROWTH_VALUE_SPREAD, GoldenValues.GROWTH_VALUE_SPREAD);
            assertOls(FactorId.MOMENTUM_SPREAD, GoldenValues.MOMENTUM_SPREAD);
            assertOls(FactorId.SIZE_SPREAD, GoldenValues.SIZE_SPREAD);
            assertOls(FactorId.QUALITY_SPREAD, GoldenValues.QUALITY_SPREAD);
        }

        @Test
        void ridgeFactorsMatchTheReferenceAndShareOneRSquared() {
            FactorId[] members = {FactorId.VALUE, FactorId.GROWTH, FactorId.MOMENTUM, FactorId.QUALITY,
                FactorId.SIZE, FactorId.LOW_VOLATILITY};
            for (int j = 0; j < members.length; j++) {
                FactorFit fit = fit(members[j]);
                assertRelative(members[j].wireName(), fit.beta(), GoldenValues.RIDGE_BETAS[j], 1e-9);
                assertRelative("r squared", fit.rSquared(), GoldenValues.RIDGE_R_SQUARED, 1e-9);
                assertThat(fit.observations()).isEqualTo(AppendixA.RETURNS);
                assertThat(fit.stdError()).isNull();
                assertThat(fit.tStat()).isNull();
                assertThat(fit.pValue()).isNull();
                assertThat(fit.alpha()).isNotNull();
                assertThat(fit.capped()).isFalse();
            }
        }

        @Test
        void eachSpreadKeepsItsOwnRSquaredRatherThanTheLegacyAverage() {
            assertThat(List.of(FactorId.GROWTH_VALUE_SPREAD, FactorId.MOMENTUM_SPREAD, FactorId.SIZE_SPREAD,
                    FactorId.QUALITY_SPREAD).stream().map(id -> fit(id).rSquared()).distinct()).hasSize(4);
        }

        private void assertOls(FactorId id, GoldenValues.Ols expected) {
            FactorFit fit = fit(id);
            assertThat(fit.observations()).isEqualTo(AppendixA.RETURNS);
            assertThat(fit.capped()).isFalse();
            assertThat(fit.unclampedBeta()).isEqualTo(fit.beta());
            assertRelative(id + " beta", fit.beta(), expected.beta(), 1e-9);
            assertRelative(id + " alpha", fit.alpha(), expected.alpha(), 1e-9);
            assertRelative(id + " r squared", fit.rSquared(), expected.rSquared(), 1e-9);
            assertRelative(id + " std error", fit.stdError(), expected.stdError(), 1e-9);
            assertRelative(id + " t", fit.tStat(), expected.tStat(), 1e-9);
            assertRelative(id + " p", fit.pValue(), expected.pValue(), 1e-9);
        }

        private FactorFit fit(FactorId id) {
            return (FactorFit) exposures.get(id);
        }
    }

    @Nested
    class WhenSomethingIsMissing {

        @Test
        void tooFewReturnsSkipsWithTheCountsAsReason() {
            SymbolExposures exposures = computeOnFirstPrices(30); // 30 prices = 29 returns

            assertThat(exposures.get(FactorId.MARKET_BETA)).isEqualTo(new Skipped("29 returns, 30 needed"));
            assertThat(exposures.get(FactorId.VALUE)).isEqualTo(new Skipped("29 returns, 30 needed"));
            assertThat(exposures.get(FactorId.SIZE_SPREAD)).isEqualTo(new Skipped("29 returns, 60 needed"));
        }

        @Test
        void exactlyTheMinimumOfReturnsIsEnough() {
            SymbolExposures exposures = computeOnFirstPrices(31);

            assertThat(exposures.get(FactorId.MARKET_BETA)).isInstanceOf(FactorFit.class);
            assertThat(exposures.get(FactorId.LOW_VOLATILITY)).isInstanceOf(FactorFit.class);
            assertThat(exposures.get(FactorId.QUALITY_SPREAD)).isEqualTo(new Skipped("30 returns, 60 needed"));
        }

        @Test
        void aMissingBenchmarkSkipsOnlyTheFactorsThatUseIt() {
            Map<String, PriceSeries> benchmarks = new HashMap<>(AppendixA.benchmarks());
            benchmarks.remove("MTUM");
            SymbolExposures exposures = new SymbolExposureModel(WHOLE_HISTORY)
                    .compute(AppendixA.series("XYZ"), benchmarks, List.of(AppendixA.lastDate())).getFirst();

            Skipped noMomentum = new Skipped("no prices for benchmark MTUM");
            assertThat(exposures.get(FactorId.MOMENTUM_SPREAD)).isEqualTo(noMomentum);
            assertThat(exposures.get(FactorId.VALUE)).isEqualTo(noMomentum);
            assertThat(exposures.get(FactorId.MOMENTUM)).isEqualTo(noMomentum);
            assertThat(exposures.get(FactorId.MARKET_BETA)).isInstanceOf(FactorFit.class);
            assertThat(exposures.get(FactorId.SIZE_SPREAD)).isInstanceOf(FactorFit.class);
        }

        @Test
        void aDateBeforeAnyPriceIsSkippedNotRejected() {
            SymbolExposures exposures = new SymbolExposureModel(FactorSettings.defaults())
                    .compute(AppendixA.series("XYZ"), AppendixA.benchmarks(), List.of(LocalDate.of(2000, 1, 3)))
                    .getFirst();

            assertThat(exposures.get(FactorId.IR_BETA)).isEqualTo(new Skipped("0 returns, 30 needed"));
        }

        private SymbolExposures computeOnFirstPrices(int prices) {
            Map<String, PriceSeries> benchmarks = new HashMap<>();
            AppendixA.benchmarks().forEach((s, series) -> benchmarks.put(s, firstPrices(series, prices)));
            PriceSeries symbol = firstPrices(AppendixA.series("XYZ"), prices);
            LocalDate last = symbol.dates()[prices - 1];
            return new SymbolExposureModel(WHOLE_HISTORY).compute(symbol, benchmarks, List.of(last)).getFirst();
        }
    }

    @Nested
    class WithTheCap {

        @Test
        void clampsBetaToFiveButKeepsTheUnclampedFitStatistics() {
            PriceSeries spy = AppendixA.series("SPY");
            double[] spyReturns = AppendixA.returns().get("SPY");
            double[] noise = AppendixA.returns().get("TLT");
            double[] prices = new double[spyReturns.length + 1];
            prices[0] = 100;
            for (int i = 0; i < spyReturns.length; i++) {
                prices[i + 1] = prices[i] * (1 + 7 * spyReturns[i] + 0.3 * noise[i]);
            }
            PriceSeries lever = new PriceSeries("LEVER", AppendixA.dates(), prices);

            FactorFit fit = (FactorFit) new SymbolExposureModel(WHOLE_HISTORY)
                    .compute(lever, Map.of("SPY", spy), List.of(AppendixA.lastDate())).getFirst()
                    .get(FactorId.MARKET_BETA);

            assertThat(fit.capped()).isTrue();
            assertThat(fit.beta()).isEqualTo(5.0);
            assertThat(fit.unclampedBeta()).isGreaterThan(6.5);
            assertRelative("t from the unclamped beta", fit.tStat(), fit.unclampedBeta() / fit.stdError(), 1e-12);
            assertRelative("alpha from the unclamped beta", fit.alpha(),
                    meanReturn(prices) - fit.unclampedBeta() * Arrays.stream(spyReturns).average().orElseThrow(), 1e-6);
        }

        @Test
        void aLowerCapFromTheSettingsApplies() {
            FactorSettings lowCap = new FactorSettings(1.0, 1.0, 30, 400, 400, 30, 60);
            FactorFit fit = (FactorFit) new SymbolExposureModel(lowCap)
                    .compute(AppendixA.series("XYZ"), AppendixA.benchmarks(), List.of(AppendixA.lastDate()))
                    .getFirst().get(FactorId.QUALITY_SPREAD);

            assertThat(fit.beta()).isEqualTo(-1.0);
            assertThat(fit.capped()).isTrue();
            assertRelative("unclamped", fit.unclampedBeta(), GoldenValues.QUALITY_SPREAD.beta(), 1e-9);
        }

        private static double meanReturn(double[] prices) {
            double sum = 0;
            for (int i = 1; i < prices.length; i++) {
                sum += prices[i] / prices[i - 1] - 1;
            }
            return sum / (prices.length - 1);
        }
    }

    @Nested
    class WithCalculationDates {

        private final SymbolExposureModel model = new SymbolExposureModel(FactorSettings.defaults());
        private final LocalDate[] dates = AppendixA.dates();

        @Test
        void answersInTheOrderAsked() {
            List<LocalDate> asked = List.of(dates[120], dates[60], dates[90], dates[60]);
            List<SymbolExposures> result = model.compute(AppendixA.series("XYZ"), AppendixA.benchmarks(), asked);

            assertThat(result).extracting(SymbolExposures::calculationDate).containsExactlyElementsOf(asked);
            assertThat(result.get(1)).isEqualTo(result.get(3));
            List<SymbolExposures> single = model.compute(AppendixA.series("XYZ"), AppendixA.benchmarks(),
                    List.of(dates[90]));
            // the same window reached by sliding or directly agrees to rounding, not bit for bit
            for (FactorId id : single.getFirst().factors().keySet()) {
                assertRelative(id.wireName(), ((FactorFit) result.get(2).get(id)).beta(),
                        ((FactorFit) single.getFirst().get(id)).beta(), 1e-12);
            }
        }

        @Test
        void noDatesGiveNoResults() {
            assertThat(model.compute(AppendixA.series("XYZ"), AppendixA.benchmarks(), List.of())).isEmpty();
        }

        @Test
        void rejectsABenchmarkFiledUnderAnotherSymbol() {
            assertThatIllegalArgumentException()
                    .isThrownBy(() -> model.compute(AppendixA.series("XYZ"), Map.of("SPY", AppendixA.series("TLT")),
                            List.of(dates[100])))
                    .withMessageContaining("SPY").withMessageContaining("TLT");
        }
    }

    static PriceSeries firstPrices(PriceSeries series, int count) {
        return new PriceSeries(series.symbol(), Arrays.copyOf(series.dates(), count),
                Arrays.copyOf(series.prices(), count));
    }
}
