package io.riskstream.portfolio.domain;

import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.portfolio.domain.DailySnapshotCalculation.Mark;
import io.riskstream.portfolio.domain.DailySnapshotCalculation.Previous;
import io.riskstream.portfolio.domain.DailySnapshotCalculation.Snapshot;
import org.junit.jupiter.api.Test;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

class DailySnapshotCalculationTest {

    private static final NyseCalendar NYSE = new NyseCalendar();

    @Test
    void theFirstSnapshotHasNoPnlAndItsNavIsTheStartingEquity() {
        LocalDate d = LocalDate.of(2024, 12, 2);
        Snapshot s = DailySnapshotCalculation.compute(d, 100_000, null, List.of(
                mark("AAA", 100, 50, d, null, null, 55.0, d, null),
                mark("BBB", -50, 20, d, null, null, 21.0, d, null),
                mark("FUND_PE", 1, 10_000, d, null, null, null, null, null)), 0, NYSE);
        assertThat(s.dailyPnl()).isZero();
        assertThat(s.nav()).isEqualTo(100_000);
        assertThat(s.longValue()).isCloseTo(5_500 + 10_000, within(1e-9));
        assertThat(s.shortValue()).isCloseTo(-1_050, within(1e-9));
        assertThat(s.grossExposure()).isCloseTo(16_550, within(1e-9));
        assertThat(s.netExposure()).isCloseTo(14_450, within(1e-9));
        assertThat(s.cash()).isCloseTo(100_000 - 15_500 + 1_050, within(1e-9));
        assertThat(s.positions()).isEqualTo(3);
        assertThat(s.longPositions()).isEqualTo(2);
        assertThat(s.shortPositions()).isEqualTo(1);
        assertThat(s.dailyReturn()).isZero();
    }

    @Test
    void pnlRollsEquityForwardAndExitsRealizeOnlyWhatWasNotMarkedYet() {
        LocalDate d0 = LocalDate.of(2024, 12, 2), d1 = LocalDate.of(2024, 12, 3);
        Previous prev = new Previous(d0, 100_000, 0, 0, 0);
        Snapshot s = DailySnapshotCalculation.compute(d1, 0, prev, List.of(
                // held: +2 × 100
                mark("AAA", 100, 50, d0, null, null, 57.0, d1, 55.0),
                // closed on d1 at 22 after being marked at 21: realizes (22 − 21) × −50
                mark("BBB", -50, 20, d0, d1, 22.0, 23.0, d1, 21.0),
                // bought on d1 at 10, closes at 11: +1 × 10
                mark("CCC", 10, 10, d1, null, null, 11.0, d1, 9.0),
                // exited before the previous snapshot: nothing
                mark("DDD", 10, 10, LocalDate.of(2024, 11, 1), d0, 12.0, 30.0, d1, 30.0)), 500, NYSE);
        assertThat(s.dailyRealizedPnl()).isCloseTo(-50, within(1e-9));
        assertThat(s.dailyPnl()).isCloseTo(200 - 50 + 10, within(1e-9));
        assertThat(s.nav()).isCloseTo(100_000 + 160 + 500, within(1e-9));
        assertThat(s.dailyReturn()).isCloseTo(160 / 100_000.0, within(1e-12));
        assertThat(s.positions()).isEqualTo(2);
        assertThat(s.marketValues()).containsOnlyKeys("AAA", "CCC");
    }

    @Test
    void aPublicSymbolWithoutAPriceIsReportedAndTheOldestCloseSetsTheStaleness() {
        LocalDate d = LocalDate.of(2024, 12, 31);
        Snapshot s = DailySnapshotCalculation.compute(d, 1_000, null, List.of(
                mark("AAA", 1, 1, d, null, null, 2.0, LocalDate.of(2024, 12, 26), null),
                mark("BBB", 1, 1, d, null, null, 3.0, d, null),
                mark("CCC", 1, 1, d, null, null, null, null, null)), 0, NYSE);
        assertThat(s.unpriced()).containsExactly("CCC");
        assertThat(s.priceDate()).isEqualTo(d);
        assertThat(s.oldestPriceDate()).isEqualTo(LocalDate.of(2024, 12, 26));
        assertThat(s.priceStalenessDays()).isEqualTo(3); // 27th, 30th, 31st
    }

    @Test
    void overTwentyTradingDaysTheDailyPnlAndFlowsAddUpToTheNavChangeAndToTheEconomicGain() {
        Random random = new Random(7);
        List<LocalDate> days = NYSE.tradingDays(LocalDate.of(2024, 11, 1), LocalDate.of(2024, 12, 31)).subList(0, 21);
        String[] symbols = {"AAA", "BBB", "CCC", "DDD", "OPTX241220C00100000"};
        Map<String, Map<LocalDate, Double>> closes = new HashMap<>();
        for (String symbol : symbols) {
            double price = 20 + random.nextDouble() * 100;
            Map<LocalDate, Double> series = new HashMap<>();
            for (LocalDate day : days) {
                price *= 1 + random.nextGaussian() * 0.02;
                series.put(day, price);
            }
            closes.put(symbol, series);
        }
        LocalDate first = days.getFirst(), last = days.getLast();
        record P(String symbol, double qty, double entryPrice, LocalDate entry, LocalDate exit, Double exitPrice) {
        }
        List<P> positions = List.of(
                new P("AAA", 100, closes.get("AAA").get(first), first, null, null),
                new P("BBB", -80, closes.get("BBB").get(first), first, null, null),
                new P("CCC", 40, 35.0, days.get(5), days.get(12), 41.0),
                new P("DDD", 60, 50.0, days.get(9), null, null),
                new P("OPTX241220C00100000", 2, closes.get("OPTX241220C00100000").get(first), first, null, null));
        Map<LocalDate, Double> flows = Map.of(days.get(3), 5_000.0, days.get(15), -2_000.0);

        Previous prev = null;
        double sumPnl = 0, sumFlows = 0;
        for (LocalDate day : days) {
            List<Mark> marks = new ArrayList<>();
            for (P p : positions) {
                Double prevPrice = prev == null ? null : closes.get(p.symbol()).get(prev.date());
                marks.add(mark(p.symbol(), p.qty(), p.entryPrice(), p.entry(), p.exit(), p.exitPrice(),
                        closes.get(p.symbol()).get(day), day, prevPrice));
            }
            Snapshot s = DailySnapshotCalculation.compute(day, 250_000, prev, marks, flows.getOrDefault(day, 0.0), NYSE);
            if (prev != null) {
                sumPnl += s.dailyPnl();
                sumFlows += s.dailyCapitalFlow();
                assertThat(s.dailyReturn()).isCloseTo(s.dailyPnl() / prev.equity(), within(1e-15));
            } else {
                sumFlows += s.dailyCapitalFlow();
            }
            prev = new Previous(day, s.equity(), s.cumulativePnl(), s.cumulativeRealizedPnl(), s.cumulativeCapitalFlow());
        }
        assertThat(sumPnl + sumFlows).isCloseTo(prev.equity() - 250_000, within(1e-6));
        assertThat(prev.cumulativePnl()).isCloseTo(sumPnl, within(1e-6));
        // the economic gain: first close (or entry) to last close (or exit), per position
        double gain = 0;
        for (P p : positions) {
            double from = p.entry().equals(first) ? closes.get(p.symbol()).get(first) : p.entryPrice();
            double to = p.exit() != null ? p.exitPrice() : closes.get(p.symbol()).get(last);
            gain += (to - from) * p.qty() * InstrumentClass.of(p.symbol()).multiplier();
        }
        assertThat(sumPnl).isCloseTo(gain, within(1e-6));
        assertThat(prev.cumulativeCapitalFlow()).isCloseTo(3_000, within(1e-9));
    }

    static Mark mark(String symbol, double qty, double entryPrice, LocalDate entry, LocalDate exit, Double exitPrice,
                     Double price, LocalDate priceDate, Double previousPrice) {
        return new Mark(symbol, qty, entryPrice, entry, exit, exitPrice, price, priceDate, previousPrice);
    }
}
