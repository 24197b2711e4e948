package io.riskstream.portfolio.domain;

import java.util.Collection;
import java.util.Map;

/**
 * Symbol-level concentration (legacy §4.1): w_s = |MV of the symbol| / Σ |MV|; HHI = 10,000 · Σ w²; effective number
 * of positions = 10,000 / HHI; top-3 and top-10 weight. An empty or all-zero book has HHI 0 and no effective number.
 */
public record Concentration(double hhi, Double effectivePositions, double top3Weight, double top10Weight) {

    /** @param marketValues symbol → signed market value (several positions in one symbol already summed) */
    public static Concentration of(Map<String, Double> marketValues) {
        return ofAbsolute(marketValues.values());
    }

    static Concentration ofAbsolute(Collection<Double> values) {
        double[] abs = values.stream().mapToDouble(Math::abs).sorted().toArray();
        double total = 0;
        for (double v : abs) {
            total += v;
        }
        if (!(total > 0)) {
            return new Concentration(0, null, 0, 0);
        }
        double sumSquares = 0, top3 = 0, top10 = 0;
        for (int i = abs.length - 1, rank = 0; i >= 0; i--, rank++) {
            double w = abs[i] / total;
            sumSquares += w * w;
            if (rank < 3) {
                top3 += w;
            }
            if (rank < 10) {
                top10 += w;
            }
        }
        double hhi = 10_000 * sumSquares;
        return new Concentration(hhi, 10_000 / hhi, top3, top10);
    }
}
