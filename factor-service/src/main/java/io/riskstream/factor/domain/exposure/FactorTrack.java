package io.riskstream.factor.domain.exposure;

import io.riskstream.common.factors.FactorId;
import java.util.Map;

/** Produces the outcomes of some factors for calculation dates given in ascending order. */
interface FactorTrack {

    void addOutcomes(int calculationDay, Map<FactorId, FactorOutcome> into);
}
