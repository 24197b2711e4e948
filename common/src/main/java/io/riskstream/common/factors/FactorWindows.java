package io.riskstream.common.factors;

/**
 * The regression windows in calendar days, and the buffer of calendar days read before each (legacy spec §1.3): a
 * calculation date D reads the prices dated in [D − (window + buffer), D].
 */
public record FactorWindows(int betaDays, int spreadDays, int bufferDays) {

    public static final int DEFAULT_BETA_DAYS = 90;
    public static final int DEFAULT_SPREAD_DAYS = 180;
    public static final int DEFAULT_BUFFER_DAYS = 30;

    /** The legacy batch's windows. */
    public static final FactorWindows DEFAULTS =
            new FactorWindows(DEFAULT_BETA_DAYS, DEFAULT_SPREAD_DAYS, DEFAULT_BUFFER_DAYS);

    public FactorWindows {
        if (bufferDays < 0 || betaDays < 1 || spreadDays < 1) {
            throw new IllegalArgumentException("window days must be positive (buffer >= 0)");
        }
    }

    /** The window of a method: OLS and ridge use the beta window, spreads the spread window, the provider none. */
    public int days(RegressionMethod method) {
        return switch (method) {
            case OLS, RIDGE -> betaDays;
            case SPREAD -> spreadDays;
            case PROVIDER -> 0;
        };
    }

    /** The calendar days of prices before a calculation date that its longest regression reads (window + buffer). */
    public int longestLookbackDays() {
        return bufferDays + Math.max(betaDays, spreadDays);
    }
}
