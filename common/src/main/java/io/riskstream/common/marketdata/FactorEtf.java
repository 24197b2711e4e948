package io.riskstream.common.marketdata;

import static io.riskstream.common.marketdata.LatentFactors.GROWTH;
import static io.riskstream.common.marketdata.LatentFactors.LOW_VOL;
import static io.riskstream.common.marketdata.LatentFactors.MOMENTUM;
import static io.riskstream.common.marketdata.LatentFactors.NONE;
import static io.riskstream.common.marketdata.LatentFactors.QUALITY;
import static io.riskstream.common.marketdata.LatentFactors.SIZE;

/**
 * The eight factor ETFs of the simulation: daily log return = market·m + rates·rates + styleLoading·style + ε.
 * Their returns are the regressors every other symbol loads on.
 */
enum FactorEtf {
    SPY("SPDR S&P 500 ETF Trust", "NYSEARCA", 1.0, 0.0, NONE, 0.0, 0.0005, 145.0),
    TLT("iShares 20+ Year Treasury Bond ETF", "NASDAQ", 0.0, 1.0, NONE, 0.0, 0.0010, 90.0),
    VUG("Vanguard Growth ETF", "NYSEARCA", 1.0, 0.0, GROWTH, 0.5, 0.0007, 55.0),
    VTV("Vanguard Value ETF", "NYSEARCA", 1.0, 0.0, GROWTH, -0.5, 0.0007, 45.0),
    MTUM("iShares MSCI USA Momentum Factor ETF", "CBOE", 1.0, 0.0, MOMENTUM, 1.0, 0.0010, 40.0),
    QUAL("iShares MSCI USA Quality Factor ETF", "CBOE", 0.95, 0.0, QUALITY, 1.0, 0.0007, 35.0),
    IWM("iShares Russell 2000 ETF", "NYSEARCA", 1.1, 0.0, SIZE, 1.0, 0.0010, 50.0),
    USMV("iShares MSCI USA Min Vol Factor ETF", "CBOE", 0.75, 0.0, LOW_VOL, 1.0, 0.0007, 30.0);

    final String fullName;
    final String exchange;
    final double market;
    final double rates;
    final int style;
    final double styleLoading;
    final double noiseVol;
    final double startPrice;

    FactorEtf(String fullName, String exchange, double market, double rates, int style, double styleLoading,
              double noiseVol, double startPrice) {
        this.fullName = fullName;
        this.exchange = exchange;
        this.market = market;
        this.rates = rates;
        this.style = style;
        this.styleLoading = styleLoading;
        this.noiseVol = noiseVol;
        this.startPrice = startPrice;
    }

    static FactorEtf of(String symbol) {
        for (FactorEtf e : values()) {
            if (e.name().equals(symbol)) {
                return e;
            }
        }
        return null;
    }

    /** Population Cov(r_E, r_SPY) / Var(r_SPY). */
    double hedgeRatio() {
        double cov = market * LatentFactors.MARKET_VOL * LatentFactors.MARKET_VOL
                + rates * LatentFactors.RATES_MARKET_CORR * LatentFactors.MARKET_VOL * LatentFactors.RATES_VOL;
        return this == SPY ? 1.0 : cov / LatentFactors.SPY_VARIANCE;
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
        double ss = SPY.noiseVol;
        return Math.sqrt((1 - h) * (1 - h) * sm * sm + h * h * ss * ss + 0.5 * VUG.noiseVol * VUG.noiseVol);
    }

    /** The ETF expressed in the regressors of {@link SymbolLoadings}. */
    SymbolLoadings loadings() {
        double h = hedgeRatio();
        return switch (this) {
            case SPY -> new SymbolLoadings(name(), true, 0, 1, 0, 0, 0, 0, 0, 0, 0, startPrice);
            case TLT -> new SymbolLoadings(name(), true, 0, h, 1, 0, 0, 0, 0, 0, 0, startPrice);
            case VUG, VTV -> new SymbolLoadings(name(), true, 0, h, 0, styleLoading, 0, 0, 0, 0,
                    growthValueResidualVol(h), startPrice);
            case MTUM -> new SymbolLoadings(name(), true, 0, h, 0, 0, 1, 0, 0, 0, 0, startPrice);
            case IWM -> new SymbolLoadings(name(), true, 0, h, 0, 0, 0, 1, 0, 0, 0, startPrice);
            case QUAL -> new SymbolLoadings(name(), true, 0, h, 0, 0, 0, 0, 1, 0, 0, startPrice);
            case USMV -> new SymbolLoadings(name(), true, 0, h, 0, 0, 0, 0, 0, 1, 0, startPrice);
        };
    }
}
