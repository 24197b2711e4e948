package io.riskstream.factor.domain.factor;

/**
 * Tunable numbers of the factor model. Defaults are the legacy batch's values (legacy spec §1.3, §1.5, §2.3):
 * windows are calendar days plus a buffer, minimums are counted in returns after alignment.
 */
public record FactorSettings(
        double ridgeAlpha,
        double betaCap,
        int windowBufferDays,
        int betaWindowDays,
        int spreadWindowDays,
        int minReturns,
        int minSpreadReturns) {

    public static final double DEFAULT_RIDGE_ALPHA = 1.0;
    public static final double DEFAULT_BETA_CAP = 5.0;
    public static final int DEFAULT_WINDOW_BUFFER_DAYS = 30;
    public static final int DEFAULT_BETA_WINDOW_DAYS = 90;
    public static final int DEFAULT_SPREAD_WINDOW_DAYS = 180;
    public static final int DEFAULT_MIN_RETURNS = 30;
    public static final int DEFAULT_MIN_SPREAD_RETURNS = 60;

    public FactorSettings {
        if (!(ridgeAlpha >= 0) || Double.isInfinite(ridgeAlpha)) {
            throw new IllegalArgumentException("ridgeAlpha must be finite and >= 0: " + ridgeAlpha);
        }
        if (!(betaCap > 0)) {
            throw new IllegalArgumentException("betaCap must be > 0: " + betaCap);
        }
        if (windowBufferDays < 0 || betaWindowDays < 1 || spreadWindowDays < 1) {
            throw new IllegalArgumentException("window days must be positive (buffer >= 0)");
        }
        if (minReturns < 3 || minSpreadReturns < 3) {
            throw new IllegalArgumentException("a regression with intercept needs at least 3 returns");
        }
    }

    public static FactorSettings defaults() {
        return new FactorSettings(DEFAULT_RIDGE_ALPHA, DEFAULT_BETA_CAP, DEFAULT_WINDOW_BUFFER_DAYS,
                DEFAULT_BETA_WINDOW_DAYS, DEFAULT_SPREAD_WINDOW_DAYS, DEFAULT_MIN_RETURNS, DEFAULT_MIN_SPREAD_RETURNS);
    }

    public FactorSettings withRidgeAlpha(double alpha) {
        return new FactorSettings(alpha, betaCap, windowBufferDays, betaWindowDays, spreadWindowDays, minReturns,
                minSpreadReturns);
    }

    public FactorSettings withWindowDays(int betaWindow, int spreadWindow) {
        return new FactorSettings(ridgeAlpha, betaCap, windowBufferDays, betaWindow, spreadWindow, minReturns,
                minSpreadReturns);
    }
}
