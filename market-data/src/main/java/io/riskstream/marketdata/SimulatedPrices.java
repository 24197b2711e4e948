package io.riskstream.marketdata;

import io.riskstream.common.marketdata.DailyBar;

import java.util.ArrayList;
import java.util.List;

/**
 * Daily bars of simulated symbols. The log close at session t is a closed-form function of t:
 * <pre>
 *   ln P(t) = ln P0 + alpha·t + Σ_k loading_k · X_k(t) + idioVol · W(t)
 * </pre>
 * with X_k the running regressor sums of {@link LatentFactors} and W a per-symbol Gaussian random walk with
 * N(0,1) steps. W is generated top-down as a Brownian bridge on 0..2^15 whose midpoint draws are keyed by
 * (symbol, session index), so W at any session is reachable in O(log N) and a range of n sessions costs
 * O(n + log N): no per-symbol path has to be walked from the origin or cached, and a date's bar cannot depend
 * on the range it was requested in.
 */
final class SimulatedPrices {

    private static final int BRIDGE_SPAN = 1 << 15;
    /**
     * The session at which a symbol's price equals its start price. Anchoring near the present keeps price levels
     * realistic (a path compounded from 2000 reaches thousands of dollars by the 2020s); earlier prices run backwards.
     */
    static final java.time.LocalDate PRICE_ANCHOR = java.time.LocalDate.of(2025, 1, 2);
    private static final long VOLUME_STREAM = 4;

    private final LatentFactors factors;

    SimulatedPrices(LatentFactors factors) {
        if (factors.size() >= BRIDGE_SPAN) {
            throw new IllegalStateException("session count exceeds the bridge span");
        }
        this.factors = factors;
    }

    /** Bars for sessions lo..hi inclusive (indices into {@link LatentFactors}), ascending. */
    List<DailyBar> bars(SymbolLoadings s, int lo, int hi) {
        if (lo > hi) {
            return List.of();
        }
        int first = Math.max(lo - 1, 0);
        double[] logClose = logCloses(s, first, hi);
        long key = SimRandom.key(factors.seed, SimRandom.symbolKey(s.symbol()));
        double vol = s.dailyVol();
        double baseVolume = StrictMath.pow(10, SimRandom.uniform(SimRandom.key(key, -1), s.etf() ? 6.5 : 5.3, s.etf() ? 7.8 : 7.7));
        List<DailyBar> out = new ArrayList<>(hi - lo + 1);
        for (int t = lo; t <= hi; t++) {
            double prevLog = logClose[Math.max(t - 1, first) - first];
            double curLog = logClose[t - first];
            double ret = curLog - prevLog;
            double open = StrictMath.exp(prevLog + 0.25 * ret + 0.3 * vol * SimRandom.gaussian(SimRandom.key(key, t, 1)));
            double close = StrictMath.exp(curLog);
            double high = Math.max(open, close) * StrictMath.exp(0.4 * vol * Math.abs(SimRandom.gaussian(SimRandom.key(key, t, 2))));
            double low = Math.min(open, close) * StrictMath.exp(-0.4 * vol * Math.abs(SimRandom.gaussian(SimRandom.key(key, t, 3))));
            long volume = Math.max(1L, Math.round(baseVolume
                    * StrictMath.exp(0.35 * SimRandom.gaussian(SimRandom.key(key, t, VOLUME_STREAM)) + 15 * Math.abs(ret))));
            out.add(new DailyBar(s.symbol(), factors.date(t), open, high, low, close, close, volume, "simulated"));
        }
        return out;
    }

    /** ln P(t) for t in first..hi, with P(anchor session) = the start price. */
    double[] logCloses(SymbolLoadings s, int first, int hi) {
        int anchor = factors.indexOnOrAfter(PRICE_ANCHOR);
        double shift = StrictMath.log(s.startPrice()) - unanchoredLogCloses(s, anchor, anchor)[0];
        double[] out = unanchoredLogCloses(s, first, hi);
        for (int i = 0; i < out.length; i++) {
            out[i] += shift;
        }
        return out;
    }

    /** ln P(t) − ln P(0) for t in first..hi. */
    private double[] unanchoredLogCloses(SymbolLoadings s, int first, int hi) {
        double[] out = new double[hi - first + 1];
        double lnP0 = 0.0;
        FactorEtf etf = FactorEtf.of(s.symbol());
        if (etf != null) {
            double[] cum = factors.cumEtf[etf.index()];
            for (int t = first; t <= hi; t++) {
                out[t - first] = lnP0 + cum[t];
            }
            return out;
        }
        long walkKey = SimRandom.key(factors.seed ^ 0x5EEDL, SimRandom.symbolKey(s.symbol()));
        double[] w = new double[out.length];
        if (first == 0) {
            w[0] = 0.0;
        }
        bridge(walkKey, 0, BRIDGE_SPAN, 0.0, Math.sqrt(BRIDGE_SPAN) * SimRandom.gaussian(SimRandom.key(walkKey, BRIDGE_SPAN)),
                first, hi, w);
        double[] loading = s.vector();
        double[][] cum = factors.cumRegressor;
        for (int t = first; t <= hi; t++) {
            double x = lnP0 + s.alpha() * t;
            for (int k = 0; k < loading.length; k++) {
                x += loading[k] * cum[k][t];
            }
            out[t - first] = x + s.idioVol() * w[t - first];
        }
        return out;
    }

    /** Fills w[i - lo] = W(i) for the interior points of (a, b) that fall in lo..hi, given W(a) and W(b). */
    private static void bridge(long key, int a, int b, double wa, double wb, int lo, int hi, double[] w) {
        if (b - a < 2) {
            return;
        }
        int mid = (a + b) >>> 1;
        // For a random walk, W(mid) | W(a), W(b) is normal with the average as mean and variance (b − a) / 4.
        double wm = 0.5 * (wa + wb) + 0.5 * Math.sqrt(b - a) * SimRandom.gaussian(SimRandom.key(key, mid));
        if (mid >= lo && mid <= hi) {
            w[mid - lo] = wm;
        }
        if (a + 1 <= hi && mid - 1 >= lo) {
            bridge(key, a, mid, wa, wm, lo, hi, w);
        }
        if (mid + 1 <= hi && b - 1 >= lo) {
            bridge(key, mid, b, wm, wb, lo, hi, w);
        }
    }
}
