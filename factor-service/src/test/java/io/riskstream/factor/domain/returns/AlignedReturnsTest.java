package io.riskstream.factor.domain.returns;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;

class AlignedReturnsTest {

    private static final int MON = day("2024-03-04");

    @Test
    void keepsOnlyDatesWhereEverySeriesHasAPriceAndTakesReturnsAfterwards() {
        DailyPrices stock = prices("XYZ", new int[] {MON, MON + 1, MON + 2, MON + 3}, 100, 110, 121, 133.1);
        DailyPrices index = prices("SPY", new int[] {MON, MON + 2, MON + 3}, 50, 55, 60.5);

        AlignedReturns aligned = AlignedReturns.align(List.of(stock, index), MON, MON + 3);

        assertThat(aligned.returnCount()).isEqualTo(2);
        // the stock's return over the missing day spans two days, like the benchmark's
        assertThat(aligned.column(0)[0]).isCloseTo(0.21, within(1e-12));
        assertThat(aligned.column(1)[0]).isCloseTo(0.10, within(1e-12));
        assertThat(aligned.endDay(0)).isEqualTo(MON + 2);
        assertThat(aligned.endDay(1)).isEqualTo(MON + 3);
    }

    @Test
    void aWindowsFirstPriceStartsTheReturnsButHasNoneItself() {
        int[] days = {MON, MON + 1, MON + 2, MON + 3, MON + 4};
        AlignedReturns aligned = AlignedReturns.align(List.of(prices("XYZ", days, 1, 2, 3, 4, 5)), MON, MON + 4);

        assertThat(aligned.window(MON + 1, MON + 3)).isEqualTo(new ReturnRange(1, 3));
        assertThat(aligned.window(MON, MON + 4)).isEqualTo(new ReturnRange(0, 4));
        assertThat(aligned.window(MON + 3, MON + 3).size()).isZero();
        assertThat(aligned.window(MON - 10, MON - 1).size()).isZero();
    }

    @Test
    void theCursorFindsTheSameWindowsAsTheSearchForwardAndBackward() {
        int[] days = new int[200];
        double[] prices = new double[200];
        for (int i = 0; i < days.length; i++) {
            days[i] = MON + i + i / 5 * 2; // weekdays only
            prices[i] = 100 + i;
        }
        AlignedReturns aligned = AlignedReturns.align(List.of(prices("XYZ", days, prices)), MON - 50, MON + 400);
        AlignedReturns.WindowCursor cursor = aligned.cursor();
        for (int d = MON - 5; d < MON + 300; d += 1 + d % 3) {
            assertThat(cursor.window(d - 40, d)).as("day %d", d).isEqualTo(aligned.window(d - 40, d));
        }
        assertThat(cursor.window(MON + 10, MON + 50)).isEqualTo(aligned.window(MON + 10, MON + 50));
    }

    @Test
    void restrictsTheAlignmentToTheRequestedSpan() {
        int[] days = {MON, MON + 1, MON + 2, MON + 3};
        AlignedReturns aligned = AlignedReturns.align(List.of(prices("XYZ", days, 1, 2, 4, 8)), MON + 1, MON + 2);

        assertThat(aligned.returnCount()).isOne();
        assertThat(aligned.column(0)[0]).isEqualTo(1.0);
    }

    @Test
    void noCommonDatesGiveNoReturns() {
        AlignedReturns aligned = AlignedReturns.align(List.of(
                prices("A", new int[] {MON, MON + 2}, 1, 2),
                prices("B", new int[] {MON + 1, MON + 3}, 1, 2)), MON, MON + 3);

        assertThat(aligned.returnCount()).isZero();
        assertThat(aligned.window(MON, MON + 3).size()).isZero();
    }

    @Test
    void calendarWindowCoversWindowPlusBufferDaysInclusive() {
        CalendarWindow window = new CalendarWindow(90, 30);
        assertThat(window.firstDate(LocalDate.parse("2024-12-31"))).isEqualTo(LocalDate.parse("2024-09-02"));
    }

    @Test
    void simpleReturnsArePriceRatiosMinusOne() {
        assertThat(SimpleReturns.of(new double[] {100, 105, 94.5})).containsExactly(new double[] {0.05, -0.1}, within(1e-15));
        assertThat(SimpleReturns.of(new double[] {100})).isEmpty();
    }

    private static DailyPrices prices(String symbol, int[] days, double... prices) {
        return new DailyPrices(symbol, days, prices);
    }

    private static int day(String iso) {
        return (int) LocalDate.parse(iso).toEpochDay();
    }
}
