package io.riskstream.common.event;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;

import static io.riskstream.common.event.Contract.*;

/**
 * Exposures of {@code symbol} for one or more calculation dates. Factor names are the wire names (market_beta,
 * ir_beta, value, ...). Key: the symbol.
 */
public record FactorsReady(String symbol, List<DatedExposures> exposures) implements EventPayload {

    /** One fit; alpha, stdError, tStat and pValue are null where they do not apply (ridge, provider beta). */
    public record FactorValue(double beta, Double alpha, Double rSquared, Double stdError, Double tStat, Double pValue,
                              Integer observations) {
        public FactorValue {
            statistic(beta, "beta");
            statisticOrNull(alpha, "alpha");
            statisticOrNull(rSquared, "rSquared");
            finiteOrNull(stdError, "stdError");
            finiteOrNull(tStat, "tStat");
            if (pValue != null && !(pValue >= 0 && pValue <= 1)) {
                throw new IllegalArgumentException("pValue must be between 0 and 1, got " + pValue);
            }
            if (observations != null && observations < 0) {
                throw new IllegalArgumentException("observations must not be negative, got " + observations);
            }
        }
    }

    public record DatedExposures(LocalDate calculationDate, Map<String, FactorValue> factors) {
        public DatedExposures {
            checkDate(calculationDate, "calculationDate");
            factors = Map.copyOf(required(factors, "factors"));
        }
    }

    public FactorsReady {
        checkSymbol(symbol, "symbol");
        notEmpty(exposures, "exposures");
        exposures = List.copyOf(exposures);
    }

    @Override
    public String key() {
        return symbol;
    }
}
