package io.riskstream.marketdata;

import io.riskstream.common.calendar.NyseCalendar;
import io.riskstream.common.factors.Benchmark;
import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Stream;

/**
 * The shared part of the simulated market, computed once per seed for every NYSE session from {@link #ORIGIN} to
 * {@link #LAST}: the latent factors of each date (drawn from the seed and the date alone), the factor ETFs' log
 * returns built from them, and the running sums of the regressors ordinary symbols load on. Immutable after
 * construction.
 */
final class LatentFactors {

    static final LocalDate ORIGIN = LocalDate.of(2000, 1, 3);
    static final LocalDate LAST = LocalDate.of(2100, 12, 31);

    static final double MARKET_MEAN = 0.0004;
    static final double MARKET_VOL = 0.010;
    static final double RATES_VOL = 0.008;
    static final double RATES_MARKET_CORR = -0.2;

    static final int NONE = -1;
    static final int GROWTH = 2;
    static final int MOMENTUM = 3;
    static final int SIZE = 4;
    static final int QUALITY = 5;
    static final int LOW_VOL = 6;
    /** By latent index; 0 and 1 (market, rates) are set above. */
    static final double[] STYLE_VOLS = {0, 0, 0.005, 0.006, 0.005, 0.003, 0.004};

    static final double SPY_VARIANCE = MARKET_VOL * MARKET_VOL
            + FactorEtf.of(Benchmark.SPY).noiseVol * FactorEtf.of(Benchmark.SPY).noiseVol;

    /** Regressor order of the cumulative arrays; matches the loading order of {@link SymbolLoadings}. */
    static final int X_MKT = 0, X_RATE = 1, X_GV = 2, X_MOM = 3, X_SIZE = 4, X_QUAL = 5, X_LOWVOL = 6, REGRESSORS = 7;

    private static final Map<Long, LatentFactors> BY_SEED = new ConcurrentHashMap<>();

    final long seed;
    /** Epoch day of each session, ascending; the position is the session index used everywhere else. */
    final int[] epochDays;
    /** cumRegressor[k][t] = sum of regressor k over sessions 1..t (0 at the origin). */
    final double[][] cumRegressor;
    /** cumEtf[e][t] = the ETF's log price at t minus its log price at the origin. */
    final double[][] cumEtf;
    /** Population variance of each regressor. */
    static final double[] REGRESSOR_VARIANCE = regressorVariances();

    static LatentFactors forSeed(long seed) {
        return BY_SEED.computeIfAbsent(seed, LatentFactors::new);
    }

    private LatentFactors(long seed) {
        this.seed = seed;
        List<LocalDate> days = NyseCalendar.instance().tradingDays(ORIGIN, LAST);
        int n = days.size();
        epochDays = new int[n];
        for (int i = 0; i < n; i++) {
            epochDays[i] = (int) days.get(i).toEpochDay();
        }
        FactorEtf[] etfs = FactorEtf.all().toArray(FactorEtf[]::new);
        long[] etfKeys = new long[etfs.length];
        double[] hedge = new double[etfs.length];
        for (int e = 0; e < etfs.length; e++) {
            etfKeys[e] = SimRandom.symbolKey(etfs[e].symbol());
            hedge[e] = etfs[e].hedgeRatio();
        }
        cumEtf = new double[etfs.length][n];
        cumRegressor = new double[REGRESSORS][n];
        double[] latent = new double[7];
        double[] r = new double[etfs.length];
        double rhoC = Math.sqrt(1 - RATES_MARKET_CORR * RATES_MARKET_CORR);
        for (int t = 1; t < n; t++) {
            long day = epochDays[t];
            double z0 = SimRandom.gaussian(SimRandom.key(seed, day, 0));
            double z1 = SimRandom.gaussian(SimRandom.key(seed, day, 1));
            latent[0] = MARKET_MEAN + MARKET_VOL * z0;
            latent[1] = RATES_VOL * (RATES_MARKET_CORR * z0 + rhoC * z1);
            for (int j = 2; j < 7; j++) {
                latent[j] = STYLE_VOLS[j] * SimRandom.gaussian(SimRandom.key(seed, day, j));
            }
            for (int e = 0; e < etfs.length; e++) {
                FactorEtf f = etfs[e];
                r[e] = f.market * latent[0] + f.rates * latent[1]
                        + (f.style == NONE ? 0.0 : f.styleLoading * latent[f.style])
                        + f.noiseVol * SimRandom.gaussian(SimRandom.key(seed, etfKeys[e], day));
                cumEtf[e][t] = cumEtf[e][t - 1] + r[e];
            }
            double spy = r[Benchmark.SPY.ordinal()];
            double[] x = {
                    spy,
                    r[Benchmark.TLT.ordinal()] - hedge[Benchmark.TLT.ordinal()] * spy,
                    r[Benchmark.VUG.ordinal()] - r[Benchmark.VTV.ordinal()],
                    r[Benchmark.MTUM.ordinal()] - hedge[Benchmark.MTUM.ordinal()] * spy,
                    r[Benchmark.IWM.ordinal()] - hedge[Benchmark.IWM.ordinal()] * spy,
                    r[Benchmark.QUAL.ordinal()] - hedge[Benchmark.QUAL.ordinal()] * spy,
                    r[Benchmark.USMV.ordinal()] - hedge[Benchmark.USMV.ordinal()] * spy};
            for (int k = 0; k < REGRESSORS; k++) {
                cumRegressor[k][t] = cumRegressor[k][t - 1] + x[k];
            }
        }
    }

    private static double[] regressorVariances() {
        double v = SPY_VARIANCE;
        double[] out = new double[REGRESSORS];
        out[X_MKT] = v;
        out[X_GV] = sq(STYLE_VOLS[GROWTH]) + 2 * sq(FactorEtf.of(Benchmark.VUG).noiseVol);
        FactorEtf[] hedged = Stream.of(Benchmark.TLT, Benchmark.MTUM, Benchmark.IWM, Benchmark.QUAL, Benchmark.USMV)
                .map(FactorEtf::of).toArray(FactorEtf[]::new);
        int[] slot = {X_RATE, X_MOM, X_SIZE, X_QUAL, X_LOWVOL};
        for (int i = 0; i < hedged.length; i++) {
            double h = hedged[i].hedgeRatio();
            // Var(r_E − h·r_SPY) = Var(r_E) − h²·Var(r_SPY) because h·Var(r_SPY) = Cov(r_E, r_SPY).
            out[slot[i]] = sq(hedged[i].dailyVol()) - h * h * v;
        }
        return out;
    }

    private static double sq(double x) {
        return x * x;
    }

    int size() {
        return epochDays.length;
    }

    /** Index of the first session on or after {@code date} (size() when none). */
    int indexOnOrAfter(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, (int) date.toEpochDay());
        return i >= 0 ? i : -i - 1;
    }

    /** Index of the last session on or before {@code date} (-1 when none). */
    int indexOnOrBefore(LocalDate date) {
        int i = Arrays.binarySearch(epochDays, (int) date.toEpochDay());
        return i >= 0 ? i : -i - 2;
    }

    LocalDate date(int index) {
        return LocalDate.ofEpochDay(epochDays[index]);
    }
}
