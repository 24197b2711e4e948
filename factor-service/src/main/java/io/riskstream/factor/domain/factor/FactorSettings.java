package io.riskstream.factor.domain.factor;

import io.riskstream.common.factors.FactorWindows;

/**
 * Tunable numbers of the factor model. Defaults are the legacy batch's values (legacy spec §1.3, §1.5, §2.3), the
 * windows those of the factor catalogue: windows are calendar days plus a buffer, minimums are counted in returns
 * after alignment.
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
    public static final int DEFAULT_WINDOW_BUFFER_DAYS = FactorWindows.DEFAULT_BUFFER_DAYS;
    public static final int DEFAULT_BETA_WINDOW_DAYS = FactorWindows.DEFAULT_BETA_DAYS;
    public static final int DEFAULT_SPREAD_WINDOW_DAYS = FactorWindows.DEFAULT_SPREAD_DAYS;
    public static final int DEFAULT_MIN_RETURNS = 30;
    public static final int DEFAULT_MIN_SPREAD_RETURNS = 60;

    public FactorSettings {
        if (!(ridgeAlpha >= 0) || Double.isInfinite(ridgeAlpha)) {
            throw new IllegalArgumentException("ridgeAlpha must be finite and >= 0: " + ridgeAlpha);
        }
        if (!(betaCap > 0)) {
            throw new IllegalArgumentException("betaCap must be > 0: " + betaCap);
        }
        new FactorWindows(betaWindowDays, spreadWindowDays, windowBufferDays); // checks the days
        if (minReturns < 3 || minSpreadReturns < 3) {
            throw new IllegalArgumentException("a regression with intercept needs at least 3 returns");
        }
    }

    public static FactorSettings defaults() {
        return new FactorSettings(DEFAULT_RIDGE_ALPHA, DEFAULT_BETA_CAP, DEFAULT_WINDOW_BUFFER_DAYS,
                DEFAULT_BETA_WINDOW_DAYS, DEFAULT_SPREAD_WINDOW_DAYS, DEFAULT_MIN_RETURNS, DEFAULT_MIN_SPREAD_RETURNS);
    }

    public FactorWindows windows() {
        return new FactorWindows(betaWindowDays, spreadWindowDays, windowBufferDays);
    }

    /** The calendar days of prices before a calculation date that its longest regression reads. */
    public int longestLookbackDays() {
        return windows().longestLookbackDays();
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
