package io.riskstream.portfolio.domain.risk;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * Position correlations (legacy §4.5, {@code correlation_service.py}) on date D:
 * <ul>
 *   <li>the public symbols held with |MV| ≥ $10,000 and |MV| / NAV ≥ 1% (both filters);</li>
 *   <li>each needs 30 log returns of its own in the 90 calendar days to D — the legacy's min_periods
 *   max(20, 90 / 3); its separate 20-return floor is implied — and is otherwise left out with the reason, so one
 *   short history does not shorten every other symbol's sample [§11.1];</li>
 *   <li>the rest are aligned jointly (dates all of them have) and their Pearson correlations computed from the log
 *   returns; a matrix of jointly aligned returns is positive semi-definite, so the legacy's PSD repair never applies;</li>
 *   <li>clusters: connected components of |ρ| ≥ 0.7, named after a sector ≥ 70% of their members share;</li>
 *   <li>overall correlation = mean |ρ| over the pairs with ρ ≠ 0; concentration score = gross value share of the
 *   clustered symbols; effective number of positions = 1 / (wᵀ C w) with equal weights.</li>
 * </ul>
 * Several lots of one symbol are one position here (the legacy would correlate a symbol with itself at ρ = 1).
 */
public final class CorrelationAnalysis {

    public static final int WINDOW_DAYS = 90;
    static final double MIN_VALUE = 10_000, MIN_WEIGHT = 0.01;
    static final int MIN_RETURNS = Math.max(20, WINDOW_DAYS / 3);
    public static final double CLUSTER_THRESHOLD = 0.7;
    static final double NAME_SHARE = 0.7;

    private CorrelationAnalysis() {
    }

    /**
     * @param marketValues public symbols held on {@code date} → signed market value
     * @param sectors      symbol → sector, where known
     */
    public static Correlations compute(LocalDate date, Map<String, Double> marketValues, double nav,
                                       PriceHistories histories, Map<String, String> sectors) {
        if (!(nav > 0)) {
            return Correlations.missing(List.of(), "NAV " + nav + " is not positive: position weights are undefined");
        }
        LocalDate from = date.minusDays(WINDOW_DAYS);
        List<String> candidates = new ArrayList<>(), excluded = new ArrayList<>();
        new TreeMap<>(marketValues).forEach((symbol, mv) -> {
            if (Math.abs(mv) < MIN_VALUE || Math.abs(mv) / nav < MIN_WEIGHT) {
                return;
            }
            int returns = Math.max(0, histories.count(symbol, from, date) - 1);
            if (returns < MIN_RETURNS) {
                excluded.add(symbol + ": " + returns + " returns in the " + WINDOW_DAYS + " days to " + date + ", "
                        + MIN_RETURNS + " needed");
            } else {
                candidates.add(symbol);
            }
        });
        if (candidates.size() < 2) {
            return tooFew(candidates.size(), excluded);
        }
        AlignedPrices prices = histories.aligned(candidates, from, date);
        int n = prices.returns();
        if (n < MIN_RETURNS) {
            return Correlations.missing(excluded, n + " log returns on the dates all of " + candidates + " have, "
                    + MIN_RETURNS + " needed");
        }
        List<String> symbols = new ArrayList<>();
        List<double[]> centred = new ArrayList<>();
        for (int k = 0; k < candidates.size(); k++) {
            double[] r = prices.logReturns(k);
            double mean = SampleStatistics.mean(r, 0, n), ss = 0;
            for (int t = 0; t < n; t++) {
                r[t] -= mean;
                ss += r[t] * r[t];
            }
            if (ss > 0) {
                symbols.add(candidates.get(k));
                centred.add(r);
            } else {
                excluded.add(candidates.get(k) + ": no price movement in the " + WINDOW_DAYS + " days to " + date);
            }
        }
        if (symbols.size() < 2) {
            return tooFew(symbols.size(), excluded);
        }
        return summarise(symbols, n, matrix(centred), marketValues, sectors, excluded);
    }

    private static Correlations tooFew(int qualifying, List<String> excluded) {
        return Correlations.missing(excluded, qualifying + " position(s) qualify (|MV| ≥ 10,000, ≥ 1% of NAV, "
                + MIN_RETURNS + " returns in " + WINDOW_DAYS + " days), 2 needed");
    }

    private static double[][] matrix(List<double[]> centred) {
        int k = centred.size();
        double[] ss = new double[k];
        for (int i = 0; i < k; i++) {
            for (double v : centred.get(i)) {
                ss[i] += v * v;
            }
        }
        double[][] c = new double[k][k];
        for (int i = 0; i < k; i++) {
            c[i][i] = 1;
            for (int j = i + 1; j < k; j++) {
                double[] x = centred.get(i), y = centred.get(j);
                double sxy = 0;
                for (int t = 0; t < x.length; t++) {
                    sxy += x[t] * y[t];
                }
                double rho = Math.max(-1, Math.min(1, sxy / Math.sqrt(ss[i] * ss[j])));
                c[i][j] = rho;
                c[j][i] = rho;
            }
        }
        return c;
    }

    private static Correlations summarise(List<String> symbols, int n, double[][] c, Map<String, Double> marketValues,
                                          Map<String, String> sectors, List<String> excluded) {
        int k = symbols.size();
        List<Correlations.Pair> pairs = new ArrayList<>();
        double sumAbs = 0, sumAll = k;
        int nonZero = 0;
        int[] parent = new int[k];
        for (int i = 0; i < k; i++) {
            parent[i] = i;
        }
        for (int i = 0; i < k; i++) {
            for (int j = i + 1; j < k; j++) {
                pairs.add(new Correlations.Pair(symbols.get(i), symbols.get(j), c[i][j]));
                sumAll += 2 * c[i][j];
                if (c[i][j] != 0) {
                    sumAbs += Math.abs(c[i][j]);
                    nonZero++;
                }
                if (Math.abs(c[i][j]) >= CLUSTER_THRESHOLD) {
                    parent[root(parent, j)] = root(parent, i);
                }
            }
        }
        Map<Integer, List<String>> components = new TreeMap<>();
        for (int i = 0; i < k; i++) {
            components.computeIfAbsent(root(parent, i), r -> new ArrayList<>()).add(symbols.get(i));
        }
        double gross = 0, clustered = 0;
        for (String s : symbols) {
            gross += Math.abs(marketValues.get(s));
        }
        List<Correlations.Cluster> clusters = new ArrayList<>();
        List<List<String>> groups = components.values().stream().filter(g -> g.size() > 1)
                .sorted(java.util.Comparator.comparing(List::getFirst)).toList();
        for (List<String> members : groups) {
            double value = 0;
            for (String s : members) {
                value += Math.abs(marketValues.get(s));
            }
            clustered += value;
            int number = clusters.size() + 1;
            clusters.add(new Correlations.Cluster(number, name(members, sectors, number), members, value));
        }
        List<String> reasons = new ArrayList<>();
        Double overall = nonZero == 0 ? null : sumAbs / nonZero;
        if (overall == null) {
            reasons.add("overall correlation: every pair has ρ = 0");
        }
        Double effective = sumAll > 0 ? k * (double) k / sumAll : null;
        if (effective == null) {
            reasons.add("effective positions: wᵀCw is not positive (" + sumAll / ((double) k * k) + ")");
        }
        return new Correlations(symbols, n, pairs, clusters, overall, clustered / gross, effective, excluded, reasons);
    }

    private static int root(int[] parent, int i) {
        while (parent[i] != i) {
            parent[i] = parent[parent[i]];
            i = parent[i];
        }
        return i;
    }

    /** The sector ≥ 70% of the members share, else "Cluster n". */
    static String name(List<String> members, Map<String, String> sectors, int number) {
        Map<String, Integer> counts = new TreeMap<>();
        for (String s : members) {
            String sector = sectors.get(s);
            if (sector != null && !sector.isBlank()) {
                counts.merge(sector.trim(), 1, Integer::sum);
            }
        }
        for (Map.Entry<String, Integer> e : counts.entrySet()) {
            if (e.getValue() >= NAME_SHARE * members.size()) {
                return e.getKey();
            }
        }
        return "Cluster " + number;
    }
}
