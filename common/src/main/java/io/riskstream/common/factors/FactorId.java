package io.riskstream.common.factors;

import static io.riskstream.common.factors.Benchmark.IWM;
import static io.riskstream.common.factors.Benchmark.MTUM;
import static io.riskstream.common.factors.Benchmark.QUAL;
import static io.riskstream.common.factors.Benchmark.SPY;
import static io.riskstream.common.factors.Benchmark.TLT;
import static io.riskstream.common.factors.Benchmark.USMV;
import static io.riskstream.common.factors.Benchmark.VTV;
import static io.riskstream.common.factors.Benchmark.VUG;
import static io.riskstream.common.factors.RegressionMethod.OLS;
import static io.riskstream.common.factors.RegressionMethod.PROVIDER;
import static io.riskstream.common.factors.RegressionMethod.RIDGE;
import static io.riskstream.common.factors.RegressionMethod.SPREAD;

import java.util.Arrays;
import java.util.List;

/**
 * The thirteen symbol-level factors (legacy spec §2 table): how each is obtained and on which benchmarks. The wire
 * name is stable in events and in the databases. The declaration order is the ridge's design-matrix column order.
 */
public enum FactorId {
    MARKET_BETA("market_beta", OLS, SPY),
    IR_BETA("ir_beta", OLS, TLT),
    VALUE("value", RIDGE, VTV),
    GROWTH("growth", RIDGE, VUG),
    MOMENTUM("momentum", RIDGE, MTUM),
    QUALITY("quality", RIDGE, QUAL),
    SIZE("size", RIDGE, IWM),
    LOW_VOLATILITY("low_volatility", RIDGE, USMV),
    GROWTH_VALUE_SPREAD("growth_value_spread", SPREAD, VUG, VTV),
    MOMENTUM_SPREAD("momentum_spread", SPREAD, MTUM, SPY),
    SIZE_SPREAD("size_spread", SPREAD, IWM, SPY),
    QUALITY_SPREAD("quality_spread", SPREAD, QUAL, SPY),
    PROVIDER_BETA("provider_beta", PROVIDER);

    private final String wireName;
    private final RegressionMethod method;
    private final List<Benchmark> regressors;

    FactorId(String wireName, RegressionMethod method, Benchmark... regressors) {
        if (regressors.length != method.regressorCount()) {
            throw new IllegalArgumentException(wireName + ": " + method + " takes " + method.regressorCount()
                    + " regressors");
        }
        this.wireName = wireName;
        this.method = method;
        this.regressors = List.of(regressors);
    }

    public String wireName() {
        return wireName;
    }

    public RegressionMethod method() {
        return method;
    }

    /** The single regressor (OLS), the member's own ETF (ridge), (long, short) for a spread, none for the provider. */
    public List<Benchmark> regressors() {
        return regressors;
    }

    public static FactorId fromWireName(String wireName) {
        return Arrays.stream(values())
                .filter(id -> id.wireName.equals(wireName))
                .findFirst()
                .orElseThrow(() -> new IllegalArgumentException("unknown factor wire name: " + wireName));
    }
}
