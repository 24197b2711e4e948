package io.riskstream.factor.domain.exposure;

import io.riskstream.common.factors.FactorId;
import java.util.List;
import java.util.Map;

/** Factors whose benchmark prices were not supplied: skipped on every date. */
record MissingBenchmarkTrack(List<FactorId> factors, Skipped reason) implements FactorTrack {

    @Override
    public void addOutcomes(int calculationDay, Map<FactorId, FactorOutcome> into) {
        for (FactorId id : factors) {
            into.put(id, reason);
        }
    }
}
