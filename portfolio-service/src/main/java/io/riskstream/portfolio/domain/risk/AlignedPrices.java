package io.riskstream.portfolio.domain.risk;

import java.time.LocalDate;
import java.util.List;

/** Closes of several symbols on the dates all of them have one; returns between consecutive aligned dates. */
public final class AlignedPrices {

    private final List<String> symbols;
    private final List<LocalDate> dates;
    private final double[][] prices; // [date][symbol]

    AlignedPrices(List<String> symbols, List<LocalDate> dates, double[][] prices) {
        this.symbols = List.copyOf(symbols);
        this.dates = List.copyOf(dates);
        this.prices = prices;
    }

    public List<String> symbols() {
        return symbols;
    }

    public List<LocalDate> dates() {
        return dates;
    }

    /** Number of returns: aligned dates minus one (none without two dates). */
    public int returns() {
        return Math.max(0, dates.size() - 1);
    }

    /** Simple returns P_t / P_{t−1} − 1 of the symbol at {@code index}. */
    public double[] simpleReturns(int index) {
        double[] r = new double[returns()];
        for (int t = 0; t < r.length; t++) {
            r[t] = prices[t + 1][index] / prices[t][index] - 1.0;
        }
        return r;
    }

    /** Log returns ln(P_t / P_{t−1}) of the symbol at {@code index}. */
    public double[] logReturns(int index) {
        double[] r = new double[returns()];
        for (int t = 0; t < r.length; t++) {
            r[t] = Math.log(prices[t + 1][index] / prices[t][index]);
        }
        return r;
    }
}
