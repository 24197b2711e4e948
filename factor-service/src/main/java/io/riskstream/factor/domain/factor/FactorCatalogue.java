package io.riskstream.factor.domain.factor;

import static io.riskstream.factor.domain.factor.BenchmarkSymbols.IWM;
import static io.riskstream.factor.domain.factor.BenchmarkSymbols.MTUM;
import static io.riskstream.factor.domain.factor.BenchmarkSymbols.QUAL;
import static io.riskstream.factor.domain.factor.BenchmarkSymbols.SPY;
import static io.riskstream.factor.domain.factor.BenchmarkSymbols.TLT;
import static io.riskstream.factor.domain.factor.BenchmarkSymbols.USMV;
import static io.riskstream.factor.domain.factor.BenchmarkSymbols.VTV;
import static io.riskstream.factor.domain.factor.BenchmarkSymbols.VUG;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The thirteen factor definitions for a set of settings (legacy spec §2 table). */
public record FactorCatalogue(FactorSettings settings, Map<FactorId, FactorDefinition> definitions) {

    public FactorCatalogue {
        definitions = Map.copyOf(definitions);
    }

    public static FactorCatalogue of(FactorSettings s) {
        List<FactorDefinition> all = List.of(
                ols(s, FactorId.MARKET_BETA, SPY),
                ols(s, FactorId.IR_BETA, TLT),
                ridge(s, FactorId.VALUE, VTV),
                ridge(s, FactorId.GROWTH, VUG),
                ridge(s, FactorId.MOMENTUM, MTUM),
                ridge(s, FactorId.QUALITY, QUAL),
                ridge(s, FactorId.SIZE, IWM),
                ridge(s, FactorId.LOW_VOLATILITY, USMV),
                spread(s, FactorId.GROWTH_VALUE_SPREAD, VUG, VTV),
                spread(s, FactorId.MOMENTUM_SPREAD, MTUM, SPY),
                spread(s, FactorId.SIZE_SPREAD, IWM, SPY),
                spread(s, FactorId.QUALITY_SPREAD, QUAL, SPY),
                new FactorDefinition(FactorId.PROVIDER_BETA, RegressionMethod.PROVIDER, List.of(), 0, 0, Double.NaN));
        return new FactorCatalogue(s, all.stream().collect(Collectors.toMap(FactorDefinition::id, Function.identity())));
    }

    public FactorDefinition get(FactorId id) {
        return definitions.get(id);
    }

    /** Members of the joint ridge regression, in FactorId order (the column order of the design matrix). */
    public List<FactorDefinition> ridgeMembers() {
        return byMethod(RegressionMethod.RIDGE);
    }

    public List<FactorDefinition> byMethod(RegressionMethod method) {
        return definitions.values().stream()
                .filter(d -> d.method() == method)
                .sorted((a, b) -> a.id().compareTo(b.id()))
                .toList();
    }

    private static FactorDefinition ols(FactorSettings s, FactorId id, String regressor) {
        return new FactorDefinition(id, RegressionMethod.OLS, List.of(regressor), s.betaWindowDays(), s.minReturns(),
                s.betaCap());
    }

    private static FactorDefinition ridge(FactorSettings s, FactorId id, String etf) {
        // legacy rule: the ridge also needs more than 6 returns, whatever the general minimum
        return new FactorDefinition(id, RegressionMethod.RIDGE, List.of(etf), s.betaWindowDays(),
                Math.max(s.minReturns(), 7), s.betaCap());
    }

    private static FactorDefinition spread(FactorSettings s, FactorId id, String longLeg, String shortLeg) {
        return new FactorDefinition(id, RegressionMethod.SPREAD, List.of(longLeg, shortLeg), s.spreadWindowDays(),
                s.minSpreadReturns(), s.betaCap());
    }
}
