package io.riskstream.portfolio.domain.risk;

import org.apache.commons.math3.linear.SingularMatrixException;
import org.apache.commons.math3.stat.regression.OLSMultipleLinearRegression;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Volatility of today's book (legacy §4.1, {@code volatility_analytics.py}): the daily return of the symbols held on
 * D with D's weights, r_t = Σ w_s·r_{s,t}, w_s = MV_s / Σ|MV|, over the adjusted closes of the lookback that every
 * held symbol has (joint alignment); then
 * <ul>
 *   <li>realised 21- and 63-day volatility: sample standard deviation of the last 21 / 63 returns × √252;</li>
 *   <li>HAR forecast: least squares (with intercept) of the next day's |r|·√252 on |r_t|·√252 and the 5- and 21-day
 *   rolling volatilities at t, evaluated at the last day;</li>
 *   <li>trend: slope and R² of a line through the last 21 rolling 21-day volatilities (increasing above +0.001 with
 *   R² above 0.3, decreasing below −0.001 with R² above 0.3, else stable);</li>
 *   <li>percentile: share of all rolling 21-day volatilities of the lookback strictly below today's.</li>
 * </ul>
 * Choices where the spec leaves room (README, "Portfolio risk analytics"): weights over Σ|MV| rather than the net
 * Σ MV (the same for a long-only book, and bounded for a long/short one whose net value may be near zero); the
 * lookback is 365 calendar days plus the 30-day buffer every other window of the spec has, so a year of history holds
 * the 252 returns the percentile needs (a bare 365 days holds 250–253).
 */
public final class VolatilityAnalysis {

    public static final int LOOKBACK_DAYS = 365 + 30;
    static final int MIN_RETURNS = 63;
    static final int SHORT = 21, MEDIUM = 63, WEEK = 5;
    static final int HAR_MIN_ROWS = 30;
    static final int PERCENTILE_MIN_RETURNS = 252, PERCENTILE_MIN_VALUES = 100;
    static final double TREND_SLOPE = 0.001, TREND_R_SQUARED = 0.3;
    static final double ANNUALISE = Math.sqrt(252);

    private VolatilityAnalysis() {
    }

    /** @param marketValues the public symbols held on {@code date} → signed market value */
    public static Volatility compute(LocalDate date, Map<String, Double> marketValues, PriceHistories histories) {
        Map<String, Double> held = new TreeMap<>();
        marketValues.forEach((s, mv) -> {
            if (mv != 0) {
                held.put(s, mv);
            }
        });
        if (held.isEmpty()) {
            return Volatility.missing(0, "no priced public holding on " + date);
        }
        double gross = 0;
        for (double mv : held.values()) {
            gross += Math.abs(mv);
        }
        List<String> symbols = List.copyOf(held.keySet());
        LocalDate from = date.minusDays(LOOKBACK_DAYS);
        AlignedPrices prices = histories.aligned(symbols, from, date);
        int n = prices.returns();
        if (n < MIN_RETURNS) {
            return Volatility.missing(n, n + " aligned daily returns of the held symbols from " + from + " to " + date
                    + ", " + MIN_RETURNS + " needed" + shortest(symbols, histories, from, date));
        }
        double[] r = new double[n];
        for (int k = 0; k < symbols.size(); k++) {
            double w = held.get(symbols.get(k)) / gross;
            double[] rs = prices.simpleReturns(k);
            for (int t = 0; t < n; t++) {
                r[t] += w * rs[t];
            }
        }
        List<String> reasons = new ArrayList<>();
        double realized21 = SampleStatistics.std(r, n - SHORT, n) * ANNUALISE;
        double realized63 = SampleStatistics.std(r, n - MEDIUM, n) * ANNUALISE;
        double[] rolling21 = rolling(r, SHORT), rolling5 = rolling(r, WEEK); // index t: window ending at t

        Double expected = null, harR2 = null;
        int rows = n - SHORT; // t = 20 .. n−2, each with the next day's |r| as target
        if (rows < HAR_MIN_ROWS) {
            reasons.add("HAR forecast: " + rows + " training rows, " + HAR_MIN_ROWS + " needed");
        } else {
            double[] y = new double[rows];
            double[][] x = new double[rows][];
            for (int i = 0; i < rows; i++) {
                int t = SHORT - 1 + i;
                x[i] = harFeatures(r, rolling5, rolling21, t);
                y[i] = Math.abs(r[t + 1]) * ANNUALISE;
            }
            try {
                OLSMultipleLinearRegression ols = new OLSMultipleLinearRegression();
                ols.newSampleData(y, x);
                double[] b = ols.estimateRegressionParameters();
                double[] last = harFeatures(r, rolling5, rolling21, n - 1);
                double forecast = b[0] + b[1] * last[0] + b[2] * last[1] + b[3] * last[2];
                harR2 = ols.calculateRSquared();
                if (forecast > 0) {
                    expected = forecast;
                } else {
                    reasons.add("HAR forecast " + forecast + " is not a volatility (not positive)");
                }
            } catch (SingularMatrixException e) {
                reasons.add("HAR forecast: the regressors are collinear (returns without variation)");
            }
        }

        double[] x = new double[SHORT], last21 = new double[SHORT];
        for (int i = 0; i < SHORT; i++) {
            x[i] = i;
            last21[i] = rolling21[n - SHORT + i];
        }
        SampleStatistics.Line line = SampleStatistics.fit(x, last21);
        VolatilityTrend trend = line.rSquared() > TREND_R_SQUARED && line.slope() > TREND_SLOPE ? VolatilityTrend.INCREASING
                : line.rSquared() > TREND_R_SQUARED && line.slope() < -TREND_SLOPE ? VolatilityTrend.DECREASING
                : VolatilityTrend.STABLE;

        Double percentile = null;
        int values = n - SHORT + 1;
        if (n < PERCENTILE_MIN_RETURNS || values < PERCENTILE_MIN_VALUES) {
            reasons.add("percentile: " + n + " returns in the lookback, " + PERCENTILE_MIN_RETURNS + " needed");
        } else {
            double current = rolling21[n - 1];
            int below = 0;
            for (int t = SHORT - 1; t < n; t++) {
                if (rolling21[t] < current) {
                    below++;
                }
            }
            percentile = below / (double) values;
        }
        return new Volatility(n, realized21, realized63, expected, harR2, trend, line.slope(), line.rSquared(),
                percentile, reasons);
    }

    private static double[] harFeatures(double[] r, double[] rolling5, double[] rolling21, int t) {
        return new double[]{Math.abs(r[t]) * ANNUALISE, rolling5[t], rolling21[t]};
    }

    /** Annualised sample standard deviation of the window of {@code size} returns ending at each t (NaN before). */
    private static double[] rolling(double[] r, int size) {
        double[] out = new double[r.length];
        for (int t = 0; t < r.length; t++) {
            out[t] = t + 1 < size ? Double.NaN : SampleStatistics.std(r, t + 1 - size, t + 1) * ANNUALISE;
        }
        return out;
    }

    private static String shortest(List<String> symbols, PriceHistories histories, LocalDate from, LocalDate to) {
        String symbol = null;
        int fewest = Integer.MAX_VALUE;
        for (String s : symbols) {
            int c = histories.count(s, from, to);
            if (c < fewest) {
                fewest = c;
                symbol = s;
            }
        }
        return symbols.size() < 2 && fewest > 0 ? "" : " (fewest closes: " + symbol + ", " + fewest + ")";
    }
}
