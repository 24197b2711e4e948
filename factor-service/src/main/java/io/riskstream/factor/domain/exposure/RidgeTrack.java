package io.riskstream.factor.domain.exposure;

import io.riskstream.common.factors.FactorId;
import io.riskstream.factor.domain.factor.FactorDefinition;
import io.riskstream.factor.domain.regression.RidgeFit;
import io.riskstream.factor.domain.regression.RidgeRegression;
import io.riskstream.factor.domain.regression.SlidingCrossMoments;
import io.riskstream.factor.domain.returns.AlignedReturns;
import io.riskstream.factor.domain.returns.CalendarWindow;
import io.riskstream.factor.domain.returns.DailyPrices;
import io.riskstream.factor.domain.returns.ReturnRange;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/** The six style factors, fitted jointly by one ridge regression per date on the members' aligned returns. */
final class RidgeTrack implements FactorTrack {

    private final List<FactorDefinition> members;
    private final CalendarWindow window;
    private final AlignedReturns.WindowCursor cursor;
    private final SlidingCrossMoments moments;
    private final RidgeRegression ridge;
    private final int minReturns;

    private RidgeTrack(List<FactorDefinition> members, CalendarWindow window, AlignedReturns aligned,
            RidgeRegression ridge) {
        this.members = members;
        this.window = window;
        this.cursor = aligned.cursor();
        this.ridge = ridge;
        double[][] columns = new double[aligned.seriesCount()][];
        for (int s = 0; s < columns.length; s++) {
            columns[s] = aligned.column(s);
        }
        this.moments = new SlidingCrossMoments(columns);
        this.minReturns = members.stream().mapToInt(FactorDefinition::minReturns).max().orElseThrow();
    }

    static FactorTrack create(List<FactorDefinition> members, double alpha, int bufferDays, DailyPrices symbol,
            BenchmarkPrices benchmarks, int firstDay, int lastDay) {
        List<FactorId> ids = members.stream().map(FactorDefinition::id).toList();
        List<DailyPrices> series = new ArrayList<>();
        series.add(symbol);
        for (FactorDefinition member : members) {
            var prices = benchmarks.get(member.regressor());
            if (prices.isEmpty()) {
                return new MissingBenchmarkTrack(ids, Skipped.missingBenchmark(member.regressor()));
            }
            series.add(prices.get());
        }
        CalendarWindow window = new CalendarWindow(members.getFirst().windowDays(), bufferDays);
        AlignedReturns aligned = AlignedReturns.align(series, window.firstDay(firstDay), lastDay);
        return new RidgeTrack(members, window, aligned, new RidgeRegression(alpha));
    }

    @Override
    public void addOutcomes(int calculationDay, Map<FactorId, FactorOutcome> into) {
        ReturnRange range = cursor.window(window.firstDay(calculationDay), calculationDay);
        if (range.size() < minReturns) {
            Skipped skipped = Skipped.tooFewReturns(range.size(), minReturns);
            members.forEach(member -> into.put(member.id(), skipped));
            return;
        }
        RidgeFit fit = ridge.fromMoments(moments.moveTo(range));
        for (int j = 0; j < members.size(); j++) {
            FactorDefinition member = members.get(j);
            into.put(member.id(), Fits.ridgeMember(fit, j, member.cap()));
        }
    }
}
