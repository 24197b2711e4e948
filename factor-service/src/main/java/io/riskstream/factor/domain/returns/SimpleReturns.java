package io.riskstream.factor.domain.returns;

/** Simple returns r_t = P_t / P_{t-1} − 1 (pandas pct_change, first row dropped; legacy spec §1.2). */
public final class SimpleReturns {

    private SimpleReturns() {
    }

    public static double[] of(double[] prices) {
        if (prices.length < 2) {
            return new double[0];
        }
        double[] returns = new double[prices.length - 1];
        for (int i = 1; i < prices.length; i++) {
            returns[i - 1] = prices[i] / prices[i - 1] - 1.0;
        }
        return returns;
    }
}
