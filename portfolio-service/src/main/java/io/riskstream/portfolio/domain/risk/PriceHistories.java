package io.riskstream.portfolio.domain.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedMap;

/**
 * Adjusted closes per symbol, ascending by date: what the return-based analytics (volatility, correlations, the
 * factor correlations of the stress tests) are built from. Held as primitive arrays because every (portfolio, date)
 * of a drain slices and aligns them again.
 */
public final class PriceHistories {

    private record Series(long[] days, double[] closes) {
        int lowerBound(long day) {
            int i = Arrays.binarySearch(days, day);
            return i >= 0 ? i : -i - 1;
        }
    }

    private final Map<String, Series> series;

    private PriceHistories(Map<String, Series> series) {
        this.series = series;
    }

    public static PriceHistories empty() {
        return new PriceHistories(Map.of());
    }

    /**
     * Collects series given as arrays (an adapter's cache hands its arrays over without copying: they must not be
     * changed afterwards). Days are epoch days, ascending; closes positive.
     */
    public static final class Builder {
        private final Map<String, Series> series = new HashMap<>();

        public Builder add(String symbol, long[] epochDays, double[] closes) {
            if (epochDays.length != closes.length) {
                throw new IllegalArgumentException(symbol + ": " + epochDays.length + " days but " + closes.length
                        + " closes");
            }
            series.put(symbol, new Series(epochDays, closes));
            return this;
        }

        public PriceHistories build() {
            return new PriceHistories(Map.copyOf(series));
        }
    }

    /** @param closes symbol → date → adjusted close (any sorted map; non-positive or non-finite closes are rejected) */
    public static PriceHistories of(Map<String, ? extends SortedMap<LocalDate, Double>> closes) {
        Map<String, Series> all = new HashMap<>();
        closes.forEach((symbol, byDate) -> {
            long[] days = new long[byDate.size()];
            double[] values = new double[byDate.size()];
            int i = 0;
            for (Map.Entry<LocalDate, Double> e : byDate.entrySet()) {
                if (!(e.getValue() > 0) || !Double.isFinite(e.getValue())) {
                    throw new IllegalArgumentException("close of " + symbol + " on " + e.getKey() + " is not a positive "
                            + "finite number: " + e.getValue());
                }
                days[i] = e.getKey().toEpochDay();
                values[i++] = e.getValue();
            }
            all.put(symbol, new Series(days, values));
        });
        return new PriceHistories(all);
    }

    /**
     * What identifies the symbols' series: equal (by reference) exactly when they are the same arrays, so the same
     * closes — a key for results computed from them.
     */
    public List<Object> identity(Collection<String> symbols) {
        List<Object> key = new ArrayList<>();
        for (String s : symbols) {
            Series series = this.series.get(s);
            key.add(series == null ? s : series);
        }
        return key;
    }

    /** Number of closes of {@code symbol} dated in [from, to]. */
    public int count(String symbol, LocalDate from, LocalDate to) {
        Series s = series.get(symbol);
        if (s == null) {
            return 0;
        }
        return Math.max(0, s.lowerBound(to.toEpochDay() + 1) - s.lowerBound(from.toEpochDay()));
    }

    /**
     * The dates in [from, to] on which every one of {@code symbols} has a close, with those closes (joint alignment:
     * a date missing for any symbol is dropped for all).
     */
    public AlignedPrices aligned(List<String> symbols, LocalDate from, LocalDate to) {
        int k = symbols.size();
        if (k == 0) {
            return new AlignedPrices(List.of(), List.of(), new double[0][]);
        }
        Series[] s = new Series[k];
        int[] at = new int[k];
        long lo = from.toEpochDay(), hi = to.toEpochDay();
        for (int j = 0; j < k; j++) {
            s[j] = series.get(symbols.get(j));
            if (s[j] == null) {
                return new AlignedPrices(symbols, List.of(), new double[0][]);
            }
            at[j] = s[j].lowerBound(lo);
        }
        List<LocalDate> dates = new ArrayList<>();
        List<double[]> rows = new ArrayList<>();
        for (int i = at[0]; i < s[0].days.length && s[0].days[i] <= hi; i++) {
            long day = s[0].days[i];
            double[] row = new double[k];
            row[0] = s[0].closes[i];
            boolean everywhere = true;
            for (int j = 1; j < k && everywhere; j++) {
                while (at[j] < s[j].days.length && s[j].days[at[j]] < day) {
                    at[j]++;
                }
                everywhere = at[j] < s[j].days.length && s[j].days[at[j]] == day;
                if (everywhere) {
                    row[j] = s[j].closes[at[j]];
                }
            }
            if (everywhere) {
                dates.add(LocalDate.ofEpochDay(day));
                rows.add(row);
            }
        }
        return new AlignedPrices(symbols, dates, rows.toArray(double[][]::new));
    }
}
