package io.riskstream.marketdata;

import io.riskstream.common.factors.Benchmark;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;

import static io.riskstream.marketdata.LatentFactors.GROWTH;
import static io.riskstream.marketdata.LatentFactors.LOW_VOL;
import static io.riskstream.marketdata.LatentFactors.MOMENTUM;
import static io.riskstream.marketdata.LatentFactors.NONE;
import static io.riskstream.marketdata.LatentFactors.QUALITY;
import static io.riskstream.marketdata.LatentFactors.SIZE;

/**
 * A factor ETF of the simulation, one per benchmark of the factor catalogue: daily log return = market·m + rates·rates
 * + styleLoading·style + ε. Their returns are the regressors every other symbol loads on. The parameters below are
 * the simulation's; which ETFs there are is the catalogue's ({@link Benchmark}).
 */
final class FactorEtf {

    private static final Map<Benchmark, FactorEtf> BY_BENCHMARK = new EnumMap<>(Benchmark.class);

    static {
        for (Benchmark benchmark : Benchmark.values()) {
            BY_BENCHMARK.put(benchmark, simulated(benchmark));
        }
    }

    final Benchmark benchmark;
    final String fullName;
    final String exchange;
    final double market;
    final double rates;
    final int style;
    final double styleLoading;
    final double noiseVol;
    final double startPrice;

    private FactorEtf(Benchmark benchmark, String fullName, String exchange, double market, double rates, int style,
                      double styleLoading, double noiseVol, double startPrice) {
        this.benchmark = benchmark;
        this.fullName = fullName;
        this.exchange = exchange;
        this.market = market;
        this.rates = rates;
        this.style = style;
        this.styleLoading = styleLoading;
        this.noiseVol = noiseVol;
        this.startPrice = startPrice;
    }

    /** The simulation's parameters of each benchmark (a benchmark added to the catalogue must be given some here). */
    private static FactorEtf simulated(Benchmark b) {
        return switch (b) {
            case SPY -> new FactorEtf(b, "SPDR S&P 500 ETF Trust", "NYSEARCA", 1.0, 0.0, NONE, 0.0, 0.0005, 145.0);
            case TLT -> new FactorEtf(b, "iShares 20+ Year Treasury Bond ETF", "NASDAQ", 0.0, 1.0, NONE, 0.0, 0.0010,
                    90.0);
            case VUG -> new FactorEtf(b, "Vanguard Growth ETF", "NYSEARCA", 1.0, 0.0, GROWTH, 0.5, 0.0007, 55.0);
            case VTV -> new FactorEtf(b, "Vanguard Value ETF", "NYSEARCA", 1.0, 0.0, GROWTH, -0.5, 0.0007, 45.0);
            case MTUM -> new FactorEtf(b, "iShares MSCI USA Momentum Factor ETF", "CBOE", 1.0, 0.0, MOMENTUM, 1.0,
                    0.0010, 40.0);
            case QUAL -> new FactorEtf(b, "iShares MSCI USA Quality Factor ETF", "CBOE", 0.95, 0.0, QUALITY, 1.0,
                    0.0007, 35.0);
            case IWM -> new FactorEtf(b, "iShares Russell 2000 ETF", "NYSEARCA", 1.1, 0.0, SIZE, 1.0, 0.0010, 50.0);
            case USMV -> new FactorEtf(b, "iShares MSCI USA Min Vol Factor ETF", "CBOE", 0.75, 0.0, LOW_VOL, 1.0,
                    0.0007, 30.0);
        };
    }

    static FactorEtf of(Benchmark benchmark) {
        return BY_BENCHMARK.get(benchmark);
    }

    /** The ETF of {@code symbol}, or null when it is not one. */
    static FactorEtf of(String symbol) {
        return Benchmark.of(symbol).map(BY_BENCHMARK::get).orElse(null);
    }

    /** Every factor ETF; an ETF's position is {@link #index()}. */
    static List<FactorEtf> all() {
        return List.copyOf(BY_BENCHMARK.values());
    }

    /** The ETF's position in {@link #all()} and in the simulation's per-ETF arrays. */
    int index() {
        return benchmark.ordinal();
    }

    String symbol() {
        return benchmark.symbol();
    }

    /** Population Cov(r_E, r_SPY) / Var(r_SPY). */
    double hedgeRatio() {
        double cov = market * LatentFactors.MARKET_VOL * LatentFactors.MARKET_VOL
                + rates * LatentFactors.RATES_MARKET_CORR * LatentFactors.MARKET_VOL * LatentFactors.RATES_VOL;
        return benchmark == Benchmark.SPY ? 1.0 : cov / LatentFactors.SPY_VARIANCE;
    }

    double dailyVol() {
        double sm = LatentFactors.MARKET_VOL;
        double sr = LatentFactors.RATES_VOL;
        double styleVol = style == NONE ? 0.0 : LatentFactors.STYLE_VOLS[style];
        return Math.sqrt(market * market * sm * sm + rates * rates * sr * sr
                + 2 * market * rates * LatentFactors.RATES_MARKET_CORR * sm * sr
                + styleLoading * styleLoading * styleVol * styleVol + noiseVol * noiseVol);
    }

    /**
     * VUG (or VTV) minus h·x_mkt ± 0.5·x_gv leaves (1 − h)·m − h·ε_SPY + 0.5·(ε_VUG + ε_VTV): what the
     * regressors cannot explain.
     */
    private static double growthValueResidualVol(double h) {
        double sm = LatentFactors.MARKET_VOL;
        double ss = of(Benchmark.SPY).noiseVol;
        return Math.sqrt((1 - h) * (1 - h) * sm * sm + h * h * ss * ss + 0.5 * of(Benchmark.VUG).noiseVol * of(Benchmark.VUG).noiseVol);
    }

    /** The ETF expressed in the regressors of {@link SymbolLoadings}. */
    SymbolLoadings loadings() {
        double h = hedgeRatio();
        return switch (benchmark) {
            case SPY -> new SymbolLoadings(symbol(), true, 0, 1, 0, 0, 0, 0, 0, 0, 0, startPrice);
            case TLT -> new SymbolLoadings(symbol(), true, 0, h, 1, 0, 0, 0, 0, 0, 0, startPrice);
            case VUG, VTV -> new SymbolLoadings(symbol(), true, 0, h, 0, styleLoading, 0, 0, 0, 0,
                    growthValueResidualVol(h), startPrice);
            case MTUM -> new SymbolLoadings(symbol(), true, 0, h, 0, 0, 1, 0, 0, 0, 0, startPrice);
            case IWM -> new SymbolLoadings(symbol(), true, 0, h, 0, 0, 0, 1, 0, 0, 0, startPrice);
            case QUAL -> new SymbolLoadings(symbol(), true, 0, h, 0, 0, 0, 0, 1, 0, 0, startPrice);
            case USMV -> new SymbolLoadings(symbol(), true, 0, h, 0, 0, 0, 0, 0, 1, 0, startPrice);
        };
    }
}
