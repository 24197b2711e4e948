package io.riskstream.factor.domain.exposure;

import static io.riskstream.factor.domain.fixtures.Approx.assertRelative;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatIllegalArgumentException;

import io.riskstream.common.factors.FactorId;
import io.riskstream.common.testdata.RequiresSharedData;
import io.riskstream.factor.domain.factor.FactorSettings;
import io.riskstream.factor.domain.fixtures.AppendixA;
import io.riskstream.factor.domain.fixtures.Approx;
import io.riskstream.factor.domain.fixtures.FactorReferenceOutput;
import io.riskstream.factor.domain.fixtures.FromScratchExposures;
import io.riskstream.factor.domain.fixtures.MarketData;
import io.riskstream.factor.domain.regression.FitStatistics;
import io.riskstream.factor.domain.regression.OrdinaryLeastSquares;
import io.riskstream.factor.domain.regression.RidgeFit;
import io.riskstream.factor.domain.regression.RidgeRegression;
import java.util.ArrayList;
import java.util.TreeMap;
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

    @Nested
    @RequiresSharedData("market/prices")
    class OnRealPrices {

        private final Map<String, PriceSeries> benchmarks = MarketData.benchmarks();
        private final SymbolExposureModel model = new SymbolExposureModel(FactorSettings.defaults());

        @Test
        void everyFactorMatchesTheNumpyReferenceToOneBillionth() {
            List<FactorReferenceOutput.Row> reference = FactorReferenceOutput.rows();
            Map<String, List<SymbolExposures>> bySymbol = new HashMap<>();
            for (String symbol : List.of("AAPL", "TSLA")) {
                bySymbol.put(symbol, model.compute(MarketData.adjustedClose(symbol), benchmarks,
                        List.of(LocalDate.parse("2023-06-30"), LocalDate.parse("2024-12-31"))));
            }
            for (FactorReferenceOutput.Row row : reference) {
                SymbolExposures exposures = bySymbol.get(row.symbol()).stream()
                        .filter(e -> e.calculationDate().equals(row.date())).findFirst().orElseThrow();
                FactorFit fit = (FactorFit) exposures.get(FactorId.fromWireName(row.factor()));
                String what = row.symbol() + " " + row.date() + " " + row.factor();
                assertThat(fit.observations()).as(what).isEqualTo(row.observations());
                assertRelative(what + " beta", fit.beta(), row.beta(), 1e-9);
                assertRelative(what + " r squared", fit.rSquared(), row.rSquared(), 1e-9);
                if (row.stdError() != null) {
                    assertRelative(what + " alpha", fit.alpha(), row.alpha(), 1e-9);
                    assertRelative(what + " std error", fit.stdError(), row.stdError(), 1e-9);
                    assertRelative(what + " t", fit.tStat(), row.tStat(), 1e-9);
                    assertRelative(what + " p", fit.pValue(), row.pValue(), 1e-9);
                } else {
                    assertThat(fit.stdError()).as(what).isNull();
                }
            }
            assertThat(reference).hasSize(48);
            System.out.printf("worst relative error vs factor_reference.py: %.3e%n", reference.stream()
                    .mapToDouble(row -> worstRelativeError(row, bySymbol)).max().orElseThrow());
        }

        private static double worstRelativeError(FactorReferenceOutput.Row row, Map<String, List<SymbolExposures>> all) {
            FactorFit fit = (FactorFit) all.get(row.symbol()).stream()
                    .filter(e -> e.calculationDate().equals(row.date())).findFirst().orElseThrow()
                    .get(FactorId.fromWireName(row.factor()));
            double worst = Math.max(Approx.relativeError(fit.beta(), row.beta()),
                    Approx.relativeError(fit.rSquared(), row.rSquared()));
            if (row.stdError() != null) {
                worst = Math.max(worst, Math.max(Approx.relativeError(fit.alpha(), row.alpha()),
                        Approx.relativeError(fit.stdError(), row.stdError())));
                worst = Math.max(worst, Math.max(Approx.relativeError(fit.tStat(), row.tStat()),
                        Approx.relativeError(fit.pValue(), row.pValue())));
            }
            return worst;
        }

        @Test
        void teslasCappedBetasKeepTheirUnclampedStatistics() {
            SymbolExposures tsla = model.compute(MarketData.adjustedClose("TSLA"), benchmarks,
                    List.of(LocalDate.parse("2024-12-31"))).getFirst();

            FactorFit growth = (FactorFit) tsla.get(FactorId.GROWTH);
            FactorFit qualitySpread = (FactorFit) tsla.get(FactorId.QUALITY_SPREAD);
            assertThat(growth.beta()).isEqualTo(5.0);
            assertThat(growth.capped()).isTrue();
            assertThat(growth.unclampedBeta()).isGreaterThan(5.0);
            assertThat(qualitySpread.beta()).isEqualTo(-5.0);
            assertThat(qualitySpread.capped()).isTrue();
            // the reference's t and SE come from the unclamped fit too: t · SE recovers the unclamped beta
            assertRelative("unclamped", qualitySpread.unclampedBeta(), -5.420680665894065 * 1.7466318694423113, 1e-9);
        }
    }

    @Nested
    class SlidingAlongManyDates {

        private static final double TOLERANCE = 1e-12;
        private final Map<String, double[]> worstError = new TreeMap<>();

        @Test
        @RequiresSharedData("market/prices")
        void onRealPricesEveryDateEqualsAFromScratchFitOfItsWindowIncludingGapsAndShortHistory() {
            slideAndCompare(MarketData.adjustedClose("AAPL"), MarketData.benchmarks());
        }

        @Test
        void onTheSimulatedMarketEveryDateEqualsAFromScratchFitOfItsWindowIncludingGapsAndShortHistory() {
            slideAndCompare(MarketData.simulatedAdjustedClose("AAPL"), MarketData.simulatedBenchmarks());
        }

        private void slideAndCompare(PriceSeries realOrSimulatedAapl, Map<String, PriceSeries> realOrSimulatedBenchmarks) {
            PriceSeries aapl = withoutDates(realOrSimulatedAapl,
                    d -> d.getYear() == 2019 && d.getDayOfYear() % 7 == 0
                            || !d.isBefore(LocalDate.parse("2024-03-11")) && !d.isAfter(LocalDate.parse("2024-03-22")));
            Map<String, PriceSeries> benchmarks = new HashMap<>(realOrSimulatedBenchmarks);
            benchmarks.put("TLT", withoutDates(benchmarks.get("TLT"), d -> d.getDayOfMonth() == 3));
            benchmarks.put("IWM", withoutDates(benchmarks.get("IWM"), d -> d.getMonthValue() == 8 && d.getYear() == 2024));
            List<LocalDate> dates = new ArrayList<>();
            LocalDate.parse("2019-01-01").datesUntil(LocalDate.parse("2019-12-31")).forEach(dates::add);
            LocalDate.parse("2023-10-01").datesUntil(LocalDate.parse("2025-01-01")).forEach(dates::add);
            FactorSettings settings = FactorSettings.defaults();

            List<SymbolExposures> all = new SymbolExposureModel(settings).compute(aapl, benchmarks, dates);

            List<PriceSeries> series = new ArrayList<>(benchmarks.values());
            series.add(aapl);
            FromScratchExposures oracle = new FromScratchExposures(series);
            int fits = 0;
            for (SymbolExposures e : all) {
                LocalDate d = e.calculationDate();
                fits += compareOls(e, FactorId.MARKET_BETA, oracle.windowReturns(List.of("AAPL", "SPY"), d, 90), 30);
                fits += compareOls(e, FactorId.IR_BETA, oracle.windowReturns(List.of("AAPL", "TLT"), d, 90), 30);
                fits += compareOls(e, FactorId.GROWTH_VALUE_SPREAD,
                        oracle.windowReturns(List.of("AAPL", "VUG", "VTV"), d, 180), 60);
                fits += compareOls(e, FactorId.SIZE_SPREAD,
                        oracle.windowReturns(List.of("AAPL", "IWM", "SPY"), d, 180), 60);
                fits += compareRidge(e, oracle.windowReturns(
                        List.of("AAPL", "VTV", "VUG", "MTUM", "QUAL", "IWM", "USMV"), d, 90), settings.ridgeAlpha());
            }
            worstError.forEach((field, err) -> System.out.printf("worst error %-16s %.3e%n", field, err[0]));
            assertThat(fits).as("fitted factor-dates compared").isGreaterThan(2000);
            worstError.forEach((field, err) -> assertThat(err[0]).as(field).isLessThanOrEqualTo(TOLERANCE));
        }

        /** window[0] = symbol returns, window[1] = regressor or long leg, window[2] = short leg of a spread. */
        private int compareOls(SymbolExposures e, FactorId id, double[][] window, int min) {
            int n = window[0].length;
            if (n < min) {
                assertThat(e.get(id)).as(id + " " + e.calculationDate())
                        .isEqualTo(new Skipped(n + " returns, " + min + " needed"));
                return 0;
            }
            double[] y = window[0];
            double[] x = window[1].clone();
            if (window.length == 3) {
                for (int i = 0; i < n; i++) {
                    x[i] -= window[2][i];
                }
            }
            FitStatistics expected = OrdinaryLeastSquares.fit(y, x);
            FactorFit fit = (FactorFit) e.get(id);
            assertThat(fit.observations()).isEqualTo(n);
            // a beta near zero (AAPL on TLT is −0.0002) is judged against its standard error, t against 1
            track("beta", fit.unclampedBeta(), expected.beta(), Math.max(Math.abs(expected.beta()), expected.stdError()));
            // α = ȳ − β·x̄ cancels; its rounding is relative to the terms, not to the difference
            track("alpha", fit.alpha(), expected.alpha(), Math.abs(mean(y)) + Math.abs(expected.beta() * mean(x)));
            track("r squared", fit.rSquared(), expected.rSquared(), 1);
            track("std error", fit.stdError(), expected.stdError(), expected.stdError());
            track("t", fit.tStat(), expected.tStat(), Math.max(Math.abs(expected.tStat()), 1));
            track("p", fit.pValue(), expected.pValue(), expected.pValue());
            return 1;
        }

        private int compareRidge(SymbolExposures e, double[][] window, double alpha) {
            int n = window[0].length;
            FactorId[] members = {FactorId.VALUE, FactorId.GROWTH, FactorId.MOMENTUM, FactorId.QUALITY, FactorId.SIZE,
                FactorId.LOW_VOLATILITY};
            if (n < 30) {
                assertThat(e.get(FactorId.VALUE)).isEqualTo(new Skipped(n + " returns, 30 needed"));
                return 0;
            }
            double[][] x = Arrays.copyOfRange(window, 1, window.length);
            RidgeFit expected = new RidgeRegression(alpha).fit(window[0], x);
            double largestBeta = 0;
            double interceptTerms = Math.abs(mean(window[0]));
            for (int j = 0; j < x.length; j++) {
                largestBeta = Math.max(largestBeta, Math.abs(expected.beta(j)));
                interceptTerms += Math.abs(expected.beta(j) * mean(x[j]));
            }
            for (int j = 0; j < members.length; j++) {
                FactorFit fit = (FactorFit) e.get(members[j]);
                assertThat(fit.observations()).isEqualTo(n);
                // collinear ETFs: a near-zero member beta is judged against the fit's largest beta
                track("ridge beta", fit.unclampedBeta(), expected.beta(j), largestBeta);
                track("ridge r squared", fit.rSquared(), expected.rSquared(), 1);
                track("ridge intercept", fit.alpha(), expected.intercept(), interceptTerms);
            }
            return 1;
        }

        private void track(String field, double actual, double expected, double scale) {
            double error = Math.abs(actual - expected) / Math.max(scale, Double.MIN_NORMAL);
            double[] worst = worstError.computeIfAbsent(field, k -> new double[1]);
            worst[0] = Math.max(worst[0], error);
        }

        private static double mean(double[] values) {
            return Arrays.stream(values).average().orElse(0);
        }
    }

    static PriceSeries withoutDates(PriceSeries series, java.util.function.Predicate<LocalDate> drop) {
        LocalDate[] dates = series.dates();
        double[] prices = series.prices();
        List<LocalDate> keptDates = new ArrayList<>();
        List<Double> keptPrices = new ArrayList<>();
        for (int i = 0; i < dates.length; i++) {
            if (!drop.test(dates[i])) {
                keptDates.add(dates[i]);
                keptPrices.add(prices[i]);
            }
        }
        return new PriceSeries(series.symbol(), keptDates.toArray(LocalDate[]::new),
                keptPrices.stream().mapToDouble(Double::doubleValue).toArray());
    }

    static PriceSeries firstPrices(PriceSeries series, int count) {
        return new PriceSeries(series.symbol(), Arrays.copyOf(series.dates(), count),
                Arrays.copyOf(series.prices(), count));
    }
}
