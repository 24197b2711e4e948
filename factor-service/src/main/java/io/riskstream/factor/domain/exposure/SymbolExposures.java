package io.riskstream.factor.domain.exposure;

import io.riskstream.common.factors.FactorId;
import java.time.LocalDate;
import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;

/** The computed factors of one symbol on one calculation date (provider beta is added by the application). */
public record SymbolExposures(String symbol, LocalDate calculationDate, Map<FactorId, FactorOutcome> factors) {

    public SymbolExposures {
        EnumMap<FactorId, FactorOutcome> copy = new EnumMap<>(FactorId.class);
        copy.putAll(factors);
        factors = Collections.unmodifiableMap(copy);
    }

    public FactorOutcome get(FactorId id) {
        return factors.get(id);
    }
}
