package io.riskstream.portfolio.domain.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The correlations between factors that spread a stress shock (legacy §4.6): for each pair of factor proxies (ETFs),
 * the simple returns on the dates both have in the lookback ending on the calculation date — not "today" [§11.14] —
 * weighted exponentially (weight ∝ decay^age, age 0 for the latest return), the weighted correlation clamped to the
 * bounds. A pair with too few returns has no correlation: {@link #rho} is empty and the caller says why.
 */
public final class FactorCorrelations {

    /** How the matrix is estimated (from the scenario file). */
    public record Settings(int lookbackDays, double decay, int minObservations, double lowerBound, double upperBound) {
    }

    private final Map<String, Double> rho;
    private final Map<String, String> missing;

    private FactorCorrelations(Map<String, Double> rho, Map<String, String> missing) {
        this.rho = rho;
        this.missing = missing;
    }

    /** @param proxies factor → the symbol whose adjusted closes stand for it */
    public static FactorCorrelations compute(LocalDate date, Map<String, String> proxies, PriceHistories histories,
                                             Settings settings) {
        Map<String, Double> rho = new HashMap<>();
        Map<String, String> missing = new HashMap<>();
        List<String> factors = new ArrayList<>(proxies.keySet());
        LocalDate from = date.minusDays(settings.lookbackDays());
        for (int i = 0; i < factors.size(); i++) {
            for (int j = i + 1; j < factors.size(); j++) {
                String f = factors.get(i), g = factors.get(j);
                AlignedPrices prices = histories.aligned(List.of(proxies.get(f), proxies.get(g)), from, date);
                if (prices.returns() < settings.minObservations()) {
                    missing.put(key(f, g), prices.returns() + " common returns of " + proxies.get(f) + " and "
                            + proxies.get(g) + " from " + from + " to " + date + ", " + settings.minObservations()
                            + " needed");
                    continue;
                }
                double r = weighted(prices.simpleReturns(0), prices.simpleReturns(1), settings.decay());
                if (Double.isNaN(r)) {
                    missing.put(key(f, g), proxies.get(f) + " or " + proxies.get(g) + " did not move from " + from
                            + " to " + date);
                    continue;
                }
                rho.put(key(f, g), Math.max(settings.lowerBound(), Math.min(settings.upperBound(), r)));
            }
        }
        return new FactorCorrelations(rho, missing);
    }

    /** ρ(f, g); 1 for f = g; empty when the pair's proxies have too little common history. */
    public java.util.OptionalDouble rho(String f, String g) {
        if (f.equals(g)) {
            return java.util.OptionalDouble.of(1.0);
        }
        Double r = rho.get(key(f, g));
        return r == null ? java.util.OptionalDouble.empty() : java.util.OptionalDouble.of(r);
    }

    /** Why ρ(f, g) is missing (null when it is not). */
    public String whyMissing(String f, String g) {
        return missing.get(key(f, g));
    }

    private static String key(String f, String g) {
        return f.compareTo(g) < 0 ? f + "|" + g : g + "|" + f;
    }

    /** Correlation under weights ∝ decay^age (the normalisation cancels in the ratio, but is kept for the means). */
    static double weighted(double[] x, double[] y, double decay) {
        int n = x.length;
        double[] w = new double[n];
        double total = 0;
        for (int t = n - 1, age = 0; t >= 0; t--, age++) {
            w[t] = age == 0 ? 1 : w[t + 1] * decay;
            total += w[t];
        }
        double mx = 0, my = 0;
        for (int t = 0; t < n; t++) {
            w[t] /= total;
            mx += w[t] * x[t];
            my += w[t] * y[t];
        }
        double cxy = 0, cxx = 0, cyy = 0;
        for (int t = 0; t < n; t++) {
            double dx = x[t] - mx, dy = y[t] - my;
            cxy += w[t] * dx * dy;
            cxx += w[t] * dx * dx;
            cyy += w[t] * dy * dy;
        }
        return cxy / Math.sqrt(cxx * cyy);
    }
}
