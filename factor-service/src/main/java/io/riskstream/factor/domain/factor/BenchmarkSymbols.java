package io.riskstream.factor.domain.factor;

import java.util.List;

/** The ETFs the factors regress on. */
public final class BenchmarkSymbols {
    public static final String SPY = "SPY";
    public static final String TLT = "TLT";
    public static final String VTV = "VTV";
    public static final String VUG = "VUG";
    public static final String MTUM = "MTUM";
    public static final String QUAL = "QUAL";
    public static final String IWM = "IWM";
    public static final String USMV = "USMV";

    public static final List<String> ALL = List.of(SPY, TLT, VTV, VUG, MTUM, QUAL, IWM, USMV);

    private BenchmarkSymbols() {
    }
}
