package io.riskstream.marketdata;

import java.util.regex.Pattern;

/**
 * The ground truth of one simulated symbol. For an ordinary symbol the daily log return is
 * <pre>
 *   r = alpha + marketBeta·x_mkt + rateBeta·x_rate + growthValue·x_gv + momentum·x_mom
 *             + size·x_size + quality·x_qual + lowVol·x_lowvol + idioVol·ε,   ε ~ N(0,1) iid
 * </pre>
 * where, with r_E the daily log return of factor ETF E and h_E = Cov(r_E, r_SPY) / Var(r_SPY) its population
 * beta to SPY ({@link LatentFactors#hedgeRatio}):
 * <pre>
 *   x_mkt = r_SPY,  x_gv = r_VUG − r_VTV,  x_E = r_E − h_E·r_SPY  for E = TLT (rate), MTUM, IWM (size), QUAL, USMV
 * </pre>
 * Every non-market regressor has zero population covariance with r_SPY, so the simple OLS slope of the symbol's
 * returns on SPY's returns converges to {@code marketBeta}, and the multiple OLS on all eight regressors to every
 * loading. Relations are exact for log returns; simple returns (from adjusted closes) agree to second order.
 *
 * <p>The eight factor ETFs are generated from the latent factors directly; their records express them in the same
 * regressors: SPY = x_mkt; TLT = h_TLT·x_mkt + x_rate exactly (rateBeta 1, idioVol 0), likewise MTUM, IWM, QUAL and
 * USMV with their own style loading 1; VUG/VTV = h·x_mkt ± 0.5·x_gv plus a small residual ({@code idioVol}).
 * So for every symbol {@code marketBeta} is the population beta to SPY.
 */
public record SymbolLoadings(String symbol, boolean etf, double alpha, double marketBeta, double rateBeta,
                             double growthValue, double momentum, double size, double quality, double lowVol,
                             double idioVol, double startPrice) {

    private static final Pattern KNOWN = Pattern.compile("^[A-Z][A-Z0-9.\\-]{0,9}$");

    /** Symbols the simulation has: 1–10 of A–Z, 0–9, '.', '-', starting with a letter; "ZZZ…" play delisted ones. */
    public static boolean isKnown(String symbol) {
        return symbol != null && KNOWN.matcher(symbol).matches() && !symbol.startsWith("ZZZ");
    }

    /** The population standard deviation of the symbol's daily log return. */
    public double dailyVol() {
        FactorEtf etf = FactorEtf.of(symbol);
        if (etf != null) {
            return etf.dailyVol();
        }
        double[] v = LatentFactors.REGRESSOR_VARIANCE;
        // The non-market regressors are nearly uncorrelated with each other as well, so their variances add.
        return Math.sqrt(marketBeta * marketBeta * v[LatentFactors.X_MKT] + rateBeta * rateBeta * v[LatentFactors.X_RATE]
                + growthValue * growthValue * v[LatentFactors.X_GV] + momentum * momentum * v[LatentFactors.X_MOM]
                + size * size * v[LatentFactors.X_SIZE] + quality * quality * v[LatentFactors.X_QUAL]
                + lowVol * lowVol * v[LatentFactors.X_LOWVOL] + idioVol * idioVol);
    }

    /** The loadings in regressor order ({@code LatentFactors.X_*}). */
    double[] vector() {
        return new double[] {marketBeta, rateBeta, growthValue, momentum, size, quality, lowVol};
    }

    static SymbolLoadings derive(String symbol) {
        FactorEtf etf = FactorEtf.of(symbol);
        if (etf != null) {
            return etf.loadings();
        }
        long k = SimRandom.symbolKey(symbol);
        // Triangular around 1.15 keeps most betas near the middle of 0.5..1.8, like a real cross-section.
        double beta = 0.5 + 1.3 * (SimRandom.uniform(SimRandom.key(k, 1)) + SimRandom.uniform(SimRandom.key(k, 2))) / 2;
        return new SymbolLoadings(symbol, false,
                SimRandom.uniform(SimRandom.key(k, 3), -0.0002, 0.0002),
                beta,
                SimRandom.uniform(SimRandom.key(k, 4), -0.4, 0.3),
                SimRandom.uniform(SimRandom.key(k, 5), -0.8, 0.8),
                SimRandom.uniform(SimRandom.key(k, 6), -0.5, 0.5),
                SimRandom.uniform(SimRandom.key(k, 7), -0.5, 1.0),
                SimRandom.uniform(SimRandom.key(k, 8), -0.5, 0.5),
                SimRandom.uniform(SimRandom.key(k, 9), -0.6, 0.6),
                SimRandom.uniform(SimRandom.key(k, 10), 0.008, 0.025),
                startPrice(k));
    }

    /** Log-uniform in 20..500. */
    static double startPrice(long key) {
        return 20.0 * StrictMath.exp(SimRandom.uniform(SimRandom.key(key, 11)) * StrictMath.log(25.0));
    }
}
