package io.riskstream.common.factors;

import java.util.Arrays;
import java.util.List;
import java.util.Optional;

/**
 * The benchmark ETFs the factors regress on, in the order the services list them: price-service keeps them current,
 * factor-service waits for all of them before it computes a date, the simulated market is built from them.
 */
public enum Benchmark {
    /** The market (S&P 500). */
    SPY,
    /** Interest rates (20+ year Treasuries). */
    TLT,
    /** Value stocks. */
    VTV,
    /** Growth stocks. */
    VUG,
    /** Momentum. */
    MTUM,
    /** Quality. */
    QUAL,
    /** Small caps (Russell 2000). */
    IWM,
    /** Minimum volatility. */
    USMV;

    private static final List<String> SYMBOLS = Arrays.stream(values()).map(Benchmark::symbol).toList();

    /** The ticker, as the providers and the events spell it. */
    public String symbol() {
        return name();
    }

    /** Every benchmark's ticker, in catalogue order. */
    public static List<String> symbols() {
        return SYMBOLS;
    }

    public static Optional<Benchmark> of(String symbol) {
        return Arrays.stream(values()).filter(b -> b.symbol().equals(symbol)).findFirst();
    }
}
