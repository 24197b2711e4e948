package io.riskstream.factor.domain.returns;

import java.util.Arrays;
import java.util.List;

/**
 * Returns of a set of series computed after joint date alignment: only dates on which every series has a price are
 * kept, then simple returns are taken row to row. Return row i runs from aligned price row i to row i + 1.
 * Column 0 is the first series given (the dependent symbol by convention).
 */
public final class AlignedReturns {

    private final int[] priceDays;
    private final double[][] columns;

    private AlignedReturns(int[] priceDays, double[][] columns) {
        this.priceDays = priceDays;
        this.columns = columns;
    }

    /** Aligns the series on their common dates within [fromDay, toDay] (epoch days, inclusive). */
    public static AlignedReturns align(List<DailyPrices> series, int fromDay, int toDay) {
        int k = series.size();
        if (k == 0) {
            throw new IllegalArgumentException("nothing to align");
        }
        int[] cursor = new int[k];
        for (int s = 0; s < k; s++) {
            cursor[s] = lowerBound(series.get(s).epochDays(), fromDay);
        }
        DailyPrices lead = series.getFirst();
        int capacity = Math.max(0, upperBound(lead.epochDays(), toDay) - cursor[0]);
        int[] days = new int[capacity];
        double[][] prices = new double[k][capacity];
        int rows = 0;
        for (int i = cursor[0]; i < lead.size() && lead.epochDays()[i] <= toDay; i++) {
            int day = lead.epochDays()[i];
            cursor[0] = i;
            if (allHave(series, cursor, day)) {
                days[rows] = day;
                for (int s = 0; s < k; s++) {
                    prices[s][rows] = series.get(s).prices()[cursor[s]];
                }
                rows++;
            }
        }
        double[][] returns = new double[k][];
        for (int s = 0; s < k; s++) {
            returns[s] = SimpleReturns.of(Arrays.copyOf(prices[s], rows));
        }
        return new AlignedReturns(Arrays.copyOf(days, rows), returns);
    }

    // advances each other series' cursor to the first date >= day and says whether all sit exactly on it
    private static boolean allHave(List<DailyPrices> series, int[] cursor, int day) {
        for (int s = 1; s < series.size(); s++) {
            int[] d = series.get(s).epochDays();
            int c = cursor[s];
            while (c < d.length && d[c] < day) {
                c++;
            }
            cursor[s] = c;
            if (c == d.length || d[c] != day) {
                return false;
            }
        }
        return true;
    }

    public int returnCount() {
        return priceDays.length == 0 ? 0 : priceDays.length - 1;
    }

    public int seriesCount() {
        return columns.length;
    }

    /** Returns of series {@code s}, one per return row; shared, do not modify. */
    public double[] column(int s) {
        return columns[s];
    }

    /** Epoch day on which return row i ends. */
    public int endDay(int row) {
        return priceDays[row + 1];
    }

    /**
     * The return rows whose start and end prices both lie in [firstDay, lastDay]: the first aligned price of the
     * window has no return.
     */
    public ReturnRange window(int firstDay, int lastDay) {
        int firstPrice = lowerBound(priceDays, firstDay);
        int endPrice = upperBound(priceDays, lastDay); // exclusive
        return endPrice - firstPrice < 2 ? new ReturnRange(0, 0) : new ReturnRange(firstPrice, endPrice - 1);
    }

    /** A window finder for ascending calculation dates: moves its bounds forward instead of searching. */
    public WindowCursor cursor() {
        return new WindowCursor();
    }

    public final class WindowCursor {

        private int firstPrice;
        private int endPrice; // exclusive
        private int lastFirstDay = Integer.MIN_VALUE;
        private int lastLastDay = Integer.MIN_VALUE;

        private WindowCursor() {
        }

        /** Same as {@link AlignedReturns#window}; linear in the distance moved when days ascend. */
        public ReturnRange window(int firstDay, int lastDay) {
            if (firstDay < lastFirstDay || lastDay < lastLastDay) {
                firstPrice = 0;
                endPrice = 0;
            }
            lastFirstDay = firstDay;
            lastLastDay = lastDay;
            while (firstPrice < priceDays.length && priceDays[firstPrice] < firstDay) {
                firstPrice++;
            }
            while (endPrice < priceDays.length && priceDays[endPrice] <= lastDay) {
                endPrice++;
            }
            return endPrice - firstPrice < 2 ? new ReturnRange(0, 0) : new ReturnRange(firstPrice, endPrice - 1);
        }
    }

    static int lowerBound(int[] sorted, int key) {
        int i = Arrays.binarySearch(sorted, key);
        return i >= 0 ? i : -i - 1;
    }

    static int upperBound(int[] sorted, int key) {
        int i = Arrays.binarySearch(sorted, key);
        return i >= 0 ? i + 1 : -i - 1;
    }
}
