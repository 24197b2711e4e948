package io.riskstream.portfolio.domain.risk;

import java.util.Locale;

/** Direction of the last 21 values of the rolling 21-day volatility (legacy §4.1). */
public enum VolatilityTrend {
    INCREASING, DECREASING, STABLE;

    /** The legacy's lower-case label. */
    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }

    public static VolatilityTrend ofLabel(String label) {
        return valueOf(label.toUpperCase(Locale.ROOT));
    }
}
