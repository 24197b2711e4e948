package io.riskstream.portfolio.domain.risk;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.TreeMap;

/**
 * Stress P&L of one portfolio on one date (legacy §4.6), from its factor exposures of that date:
 * <ul>
 *   <li>direct: Σ over the shocked factors f of dollar exposure_f × return_f;</li>
 *   <li>correlated: Σ over every proxied factor g of dollar exposure_g × Σ_f return_f × ρ(f, g), ρ(f, f) = 1 —
 *   a shock to one factor moves the others as far as they co-move;</li>
 *   <li>a rate change Δy is the rate proxy's return −duration × Δy applied to the signed rate-beta exposure, like any
 *   other factor: the legacy applied |MV| weights and used the change itself as the return [§11.8, §11.14];</li>
 *   <li>either total is floored at −lossCap × the net exposure when that is positive (a long book cannot lose more
 *   than it holds); a book with no positive net exposure is not capped.</li>
 * </ul>
 */
public final class StressTest {

    private StressTest() {
    }

    /**
     * @param exposures factor → {exposure per dollar of NAV, dollar exposure} on the date
     * @param netExposure Σ signed market value on the date
     */
    public static List<StressResult> run(StressCatalogue catalogue, Map<String, double[]> exposures,
                                         double netExposure, FactorCorrelations correlations) {
        List<StressResult> results = new ArrayList<>();
        for (StressScenario scenario : catalogue.activeScenarios()) {
            results.add(run(catalogue, scenario, exposures, netExposure, correlations));
        }
        return results;
    }

    private static StressResult run(StressCatalogue catalogue, StressScenario scenario, Map<String, double[]> exposures,
                                    double netExposure, FactorCorrelations correlations) {
        Map<String, Double> returns = catalogue.factorReturns(scenario);
        List<String> reasons = new ArrayList<>();
        Map<String, Double> impacts = new TreeMap<>();
        double direct = 0;
        for (Map.Entry<String, Double> shock : returns.entrySet()) {
            double[] exposure = exposures.get(shock.getKey());
            if (exposure == null) {
                reasons.add("no " + shock.getKey() + " exposure on the date");
            } else {
                double impact = exposure[1] * shock.getValue();
                impacts.put(shock.getKey(), impact);
                direct += impact;
            }
        }
        boolean directKnown = reasons.isEmpty();
        Double correlated = 0.0;
        for (String g : catalogue.proxies().keySet()) {
            double[] exposure = exposures.get(g);
            double moved = 0;
            for (Map.Entry<String, Double> shock : returns.entrySet()) {
                OptionalDouble rho = correlations.rho(shock.getKey(), g);
                if (rho.isEmpty()) {
                    reasons.add("correlated P&L: no correlation of " + shock.getKey() + " and " + g + " ("
                            + correlations.whyMissing(shock.getKey(), g) + ")");
                    correlated = null;
                } else {
                    moved += shock.getValue() * rho.getAsDouble();
                }
            }
            if (exposure == null) {
                if (!returns.containsKey(g)) {
                    reasons.add("correlated P&L: no " + g + " exposure on the date");
                }
                correlated = null;
            } else if (correlated != null) {
                correlated += exposure[1] * moved;
            }
        }
        double floor = netExposure > 0 ? -catalogue.lossCap() * netExposure : Double.NEGATIVE_INFINITY;
        Double directPnl = directKnown ? Math.max(direct, floor) : null;
        Double correlatedPnl = correlated == null ? null : Math.max(correlated, floor);
        return new StressResult(scenario.id(), scenario.name(), scenario.category(), directPnl, correlatedPnl,
                directKnown && direct < floor, correlated != null && correlated < floor, impacts,
                reasons.stream().distinct().toList());
    }
}
