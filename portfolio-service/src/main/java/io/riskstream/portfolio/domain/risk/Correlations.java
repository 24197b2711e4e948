package io.riskstream.portfolio.domain.risk;

import java.util.List;

/**
 * Pairwise correlations of a portfolio's sizeable positions on one date, their clusters and summary measures; the
 * measures are null, and {@code reasons} says why, when fewer than two positions qualify.
 *
 * @param symbols             the symbols in the matrix, in order
 * @param dataPoints          aligned log returns every correlation is computed from
 * @param pairs               ρ of every pair i < j of {@code symbols}, row by row
 * @param overallCorrelation  mean |ρ| over the pairs with ρ ≠ 0
 * @param concentrationScore  share of the matrix's gross value held in clustered symbols
 * @param effectivePositions  1 / (wᵀ C w) with equal weights w = 1/n
 * @param excluded            symbols that met the size thresholds but were left out, each with why
 */
public record Correlations(List<String> symbols, int dataPoints, List<Pair> pairs, List<Cluster> clusters,
                           Double overallCorrelation, Double concentrationScore, Double effectivePositions,
                           List<String> excluded, List<String> reasons) {

    public record Pair(String first, String second, double correlation) {
    }

    /** A connected group of symbols whose |ρ| ≥ 0.7 links them; {@code number} counts from 1 in symbol order. */
    public record Cluster(int number, String name, List<String> symbols, double grossValue) {
        public Cluster {
            symbols = List.copyOf(symbols);
        }
    }

    public Correlations {
        symbols = List.copyOf(symbols);
        pairs = List.copyOf(pairs);
        clusters = List.copyOf(clusters);
        excluded = List.copyOf(excluded);
        reasons = List.copyOf(reasons);
    }

    static Correlations missing(List<String> excluded, String reason) {
        return new Correlations(List.of(), 0, List.of(), List.of(), null, null, null, excluded, List.of(reason));
    }

    public boolean complete() {
        return reasons.isEmpty();
    }
}
