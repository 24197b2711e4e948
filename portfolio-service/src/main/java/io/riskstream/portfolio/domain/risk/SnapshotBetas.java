package io.riskstream.portfolio.domain.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The snapshot's two portfolio betas (legacy §4.1, V2 phase 3b):
 * <ul>
 *   <li>90-day market beta: Σ MV_s·β_s / NAV over the public symbols with a market beta on D — each β_s the symbol's
 *   OLS beta against SPY over 90 + 30 calendar days (min 30 returns, capped at ±5), the same regression the legacy
 *   repeats per position, here taken from factor-service; its R² is the |MV|-weighted mean of theirs and its
 *   observations the fewest of any;</li>
 *   <li>one-year provider beta: Σ MV_s·b_s / NAV, b_s the provider's beta from the profile, or the market beta where
 *   the profile has none (or 0).</li>
 * </ul>
 * A symbol with neither is left out and named in {@code reasons}.
 */
public record SnapshotBetas(Double marketBeta90d, Double marketBetaRSquared, Integer marketBetaObservations,
                            Double providerBeta1y, List<String> reasons) {

    public static final String MARKET_BETA = "market_beta", PROVIDER_BETA = "provider_beta";

    /** A symbol's market-beta fit on the date (R² and observations may be unknown). */
    public record Fit(double beta, Double rSquared, Integer observations) {
    }

    public SnapshotBetas {
        reasons = List.copyOf(reasons);
    }

    /**
     * @param marketValues public symbols held on the date → signed market value
     * @param fits         symbol → its market-beta fit on the date
     * @param betas        symbol → factor → beta on the date (for the provider beta)
     */
    public static SnapshotBetas compute(Map<String, Double> marketValues, double nav, Map<String, Fit> fits,
                                        Map<String, Map<String, Double>> betas) {
        if (!(nav > 0)) {
            return new SnapshotBetas(null, null, null, null,
                    List.of("NAV " + nav + " is not positive: betas per dollar of NAV are undefined"));
        }
        List<String> reasons = new ArrayList<>();
        List<String> noMarket = new ArrayList<>(), noBeta = new ArrayList<>();
        double market = 0, provider = 0, weightedR2 = 0, r2Weight = 0;
        int withMarket = 0, withProvider = 0;
        Integer fewest = null;
        for (Map.Entry<String, Double> e : new TreeMap<>(marketValues).entrySet()) {
            String symbol = e.getKey();
            double mv = e.getValue();
            Fit fit = fits.get(symbol);
            if (fit == null) {
                noMarket.add(symbol);
            } else {
                withMarket++;
                market += mv * fit.beta();
                if (fit.rSquared() != null) {
                    weightedR2 += Math.abs(mv) * fit.rSquared();
                    r2Weight += Math.abs(mv);
                }
                if (fit.observations() != null) {
                    fewest = fewest == null ? fit.observations() : Math.min(fewest, fit.observations());
                }
            }
            Double b = betas.getOrDefault(symbol, Map.of()).get(PROVIDER_BETA);
            if (b == null || b == 0) {
                b = fit == null ? null : fit.beta();
            }
            if (b == null) {
                noBeta.add(symbol);
            } else {
                withProvider++;
                provider += mv * b;
            }
        }
        if (!noMarket.isEmpty()) {
            reasons.add("market beta: no 90-day beta for " + noMarket);
        }
        if (!noBeta.isEmpty()) {
            reasons.add("provider beta: neither a provider nor a market beta for " + noBeta);
        }
        return new SnapshotBetas(withMarket == 0 ? null : market / nav, r2Weight > 0 ? weightedR2 / r2Weight : null,
                fewest, withProvider == 0 ? null : provider / nav, reasons);
    }
}
