package io.riskstream.factor.domain.factor;

import io.riskstream.common.factors.Benchmark;
import io.riskstream.common.factors.FactorId;
import io.riskstream.common.factors.RegressionMethod;

import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * The thirteen factors of the catalogue ({@link FactorId}: method and benchmarks) with the tunable numbers of a set
 * of settings applied: window, minimum returns, cap (legacy spec §2 table).
 */
public record FactorDefinitions(FactorSettings settings, Map<FactorId, FactorDefinition> definitions) {

    public FactorDefinitions {
        definitions = Map.copyOf(definitions);
    }

    public static FactorDefinitions of(FactorSettings s) {
        return new FactorDefinitions(s, Arrays.stream(FactorId.values()).map(id -> definition(s, id))
                .collect(Collectors.toMap(FactorDefinition::id, Function.identity())));
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

    private static FactorDefinition definition(FactorSettings s, FactorId id) {
        List<String> regressors = id.regressors().stream().map(Benchmark::symbol).toList();
        int window = s.windows().days(id.method());
        return switch (id.method()) {
            case OLS -> new FactorDefinition(id, id.method(), regressors, window, s.minReturns(), s.betaCap());
            // legacy rule: the ridge also needs more than 6 returns, whatever the general minimum
            case RIDGE -> new FactorDefinition(id, id.method(), regressors, window, Math.max(s.minReturns(), 7),
                    s.betaCap());
            case SPREAD -> new FactorDefinition(id, id.method(), regressors, window, s.minSpreadReturns(),
                    s.betaCap());
            case PROVIDER -> new FactorDefinition(id, id.method(), regressors, 0, 0, Double.NaN);
        };
    }
}
