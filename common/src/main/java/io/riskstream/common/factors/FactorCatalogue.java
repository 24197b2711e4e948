package io.riskstream.common.factors;

import java.util.List;

/**
 * The factor model's shared knowledge, defined here once: the benchmark ETFs ({@link Benchmark}), the factors and
 * their regressions ({@link FactorId}), the windows ({@link FactorWindows}), how far back exposures are computed and
 * hence how much price history a symbol needs. price-service, factor-service and the simulated market derive their
 * lists and depths from it.
 */
public final class FactorCatalogue {

    /** The windows the services run with. */
    public static final FactorWindows WINDOWS = FactorWindows.DEFAULTS;

    /** Exposures are computed for every trading date in this many calendar days before the newest bar. */
    public static final int HORIZON_DAYS = 365;

    /**
     * The price history a symbol needs so that every date of the horizon has its longest window:
     * horizon + longest window + its buffer (365 + 180 + 30 = 575 calendar days).
     */
    public static final int PRICE_HISTORY_DAYS = HORIZON_DAYS + WINDOWS.longestLookbackDays();

    private FactorCatalogue() {
    }

    /** The benchmark ETFs' tickers, in catalogue order. */
    public static List<String> benchmarkSymbols() {
        return Benchmark.symbols();
    }

    /** Whether {@code symbol} is one of the benchmark ETFs. */
    public static boolean isBenchmark(String symbol) {
        return Benchmark.of(symbol).isPresent();
    }
}
