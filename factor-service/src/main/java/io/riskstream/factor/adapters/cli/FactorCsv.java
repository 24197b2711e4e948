package io.riskstream.factor.adapters.cli;

import io.riskstream.common.factors.FactorId;
import io.riskstream.common.factors.RegressionMethod;
import io.riskstream.factor.domain.exposure.FactorFit;
import io.riskstream.factor.domain.exposure.FactorOutcome;
import io.riskstream.factor.domain.exposure.Skipped;
import io.riskstream.factor.domain.exposure.SymbolExposures;
import io.riskstream.factor.domain.factor.FactorDefinitions;
import java.util.Arrays;
import java.util.List;

/**
 * Rows of the offline factor file, in the layout of {@code shared/tools/factor_reference.py}: numbers in full
 * precision ({@link Double#toString}), blank where a statistic does not apply.
 */
final class FactorCsv {

    static final String HEADER = "symbol,calculation_date,factor,beta,alpha,r_squared,std_error,t_stat,p_value,observations";
    /** About the characters of one date's rows, to size a symbol's text once. */
    static final int TYPICAL_DATE_LENGTH = 12 * 160;

    /** The twelve regression factors in catalogue order; the provider beta has no place offline. */
    private static final List<FactorId> FACTORS = Arrays.stream(FactorId.values())
            .filter(id -> id != FactorId.PROVIDER_BETA).toList();

    private final FactorDefinitions definitions;

    FactorCsv(FactorDefinitions definitions) {
        this.definitions = definitions;
    }

    /** Appends one row per computed factor and notes the others in {@code gaps}; returns the rows written. */
    int append(StringBuilder out, SymbolExposures exposures, Gaps gaps) {
        int rows = 0;
        boolean incomplete = false;
        String date = exposures.calculationDate().toString();
        for (FactorId id : FACTORS) {
            FactorOutcome outcome = exposures.get(id);
            if (outcome instanceof FactorFit fit) {
                row(out, exposures.symbol(), date, id, fit);
                rows++;
            } else {
                incomplete = true;
                gaps.add(exposures.calculationDate(), id,
                        outcome instanceof Skipped s ? s.reason() : "not computed");
            }
        }
        if (incomplete) {
            gaps.dateIncomplete(exposures.calculationDate());
        }
        return rows;
    }

    private void row(StringBuilder out, String symbol, String date, FactorId id, FactorFit fit) {
        // the ridge intercept belongs to the joint fit, not to one factor: the file leaves it blank like the reference
        boolean ridge = definitions.get(id).method() == RegressionMethod.RIDGE;
        out.append(symbol).append(',').append(date).append(',')
                .append(id.wireName()).append(',').append(fit.beta()).append(',');
        optional(out, ridge ? null : fit.alpha()).append(',').append(fit.rSquared()).append(',');
        optional(out, fit.stdError()).append(',');
        optional(out, fit.tStat()).append(',');
        optional(out, fit.pValue()).append(',').append(fit.observations()).append('\n');
    }

    private static StringBuilder optional(StringBuilder out, Double value) {
        return value == null ? out : out.append(value.doubleValue());
    }
}
