package io.riskstream.portfolio.domain.risk;

import java.util.List;
import java.util.Map;

/**
 * One scenario's P&L on one date. A P&L is null, with the reason in {@code reasons}, when an input is missing (no
 * exposure to a shocked factor, no correlation for a pair).
 *
 * @param factorImpacts   direct P&L per shocked factor (dollar exposure × factor return)
 * @param directCapped    the direct loss was floored at the loss cap of the net exposure
 */
public record StressResult(String scenarioId, String name, StressScenario.Category category, Double directPnl,
                           Double correlatedPnl, boolean directCapped, boolean correlatedCapped,
                           Map<String, Double> factorImpacts, List<String> reasons) {

    public StressResult {
        factorImpacts = Map.copyOf(factorImpacts);
        reasons = List.copyOf(reasons);
    }

    /** correlated − direct: what the factors' co-movement adds. */
    public Double correlationEffect() {
        return directPnl == null || correlatedPnl == null ? null : correlatedPnl - directPnl;
    }
}
