package io.riskstream.factor.domain.exposure;

import io.riskstream.common.factors.FactorId;
import io.riskstream.common.factors.RegressionMethod;
import io.riskstream.factor.domain.factor.FactorDefinition;
import io.riskstream.factor.domain.regression.CrossMoments;
import io.riskstream.factor.domain.regression.OrdinaryLeastSquares;
import io.riskstream.factor.domain.regression.SlidingCrossMoments;
import io.riskstream.factor.domain.returns.AlignedReturns;
import io.riskstream.factor.domain.returns.CalendarWindow;
import io.riskstream.factor.domain.returns.DailyPrices;
import io.riskstream.factor.domain.returns.ReturnRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A univariate OLS factor (a benchmark beta or a spread) along the calculation dates. The symbol and the factor's
 * benchmarks are aligned once over the whole span; each date's window is then a contiguous range of return rows.
 */
final class OlsTrack implements FactorTrack {

    private final FactorDefinition definition;
    private final CalendarWindow window;
    private final AlignedReturns.WindowCursor cursor;
    private final SlidingCrossMoments moments;

    private OlsTrack(FactorDefinition definition, CalendarWindow window, AlignedReturns aligned) {
        this.definition = definition;
        this.window = window;
        this.cursor = aligned.cursor();
        this.moments = new SlidingCrossMoments(new double[][] {aligned.column(0), regressor(definition, aligned)});
    }

    static FactorTrack create(FactorDefinition definition, int bufferDays, DailyPrices symbol,
            BenchmarkPrices benchmarks, int firstDay, int lastDay) {
        List<DailyPrices> series = new ArrayList<>();
        series.add(symbol);
        for (String benchmark : definition.regressors()) {
            var prices = benchmarks.get(benchmark);
            if (prices.isEmpty()) {
                return new MissingBenchmarkTrack(List.of(definition.id()), Skipped.missingBenchmark(benchmark));
            }
            series.add(prices.get());
        }
        CalendarWindow window = new CalendarWindow(definition.windowDays(), bufferDays);
        AlignedReturns aligned = AlignedReturns.align(series, window.firstDay(firstDay), lastDay);
        return new OlsTrack(definition, window, aligned);
    }

    private static double[] regressor(FactorDefinition definition, AlignedReturns aligned) {
        if (definition.method() != RegressionMethod.SPREAD) {
            return aligned.column(1);
        }
        double[] longLeg = aligned.column(1);
        double[] shortLeg = aligned.column(2);
        double[] spread = new double[longLeg.length];
        for (int i = 0; i < spread.length; i++) {
            spread[i] = longLeg[i] - shortLeg[i];
        }
        return spread;
    }

    @Override
    public void addOutcomes(int calculationDay, Map<FactorId, FactorOutcome> into) {
        ReturnRange range = cursor.window(window.firstDay(calculationDay), calculationDay);
        if (range.size() < definition.minReturns()) {
            into.put(definition.id(), Skipped.tooFewReturns(range.size(), definition.minReturns()));
            return;
        }
        CrossMoments m = moments.moveTo(range);
        into.put(definition.id(), Fits.ols(OrdinaryLeastSquares.fromMoments(m), definition.cap()));
    }
}
