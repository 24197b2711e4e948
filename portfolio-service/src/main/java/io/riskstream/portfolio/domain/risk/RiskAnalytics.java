package io.riskstream.portfolio.domain.risk;

import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/** A portfolio's risk analytics on one date: snapshot betas, volatility, correlations, stress tests. */
public record RiskAnalytics(SnapshotBetas betas, Volatility volatility, Correlations correlations,
                            List<StressResult> stress, List<String> stressReasons, String scenarioVersion) {

    public RiskAnalytics {
        stress = List.copyOf(stress);
        stressReasons = List.copyOf(stressReasons);
    }

    /** analytic → why it is incomplete, for each analytic some value of which is missing. */
    public Map<String, String> incomplete() {
        Map<String, String> out = new LinkedHashMap<>();
        put(out, "betas", betas.reasons());
        put(out, "volatility", volatility.reasons());
        put(out, "correlations", correlations.reasons());
        Set<String> stressed = new LinkedHashSet<>(stressReasons);
        stress.forEach(s -> stressed.addAll(s.reasons()));
        put(out, "stress", List.copyOf(stressed));
        return out;
    }

    private static void put(Map<String, String> out, String analytic, List<String> reasons) {
        if (!reasons.isEmpty()) {
            out.put(analytic, String.join("; ", reasons));
        }
    }
}
