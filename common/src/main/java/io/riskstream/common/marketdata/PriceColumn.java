package io.riskstream.common.marketdata;

import java.util.Locale;
/** Which close a return series is built from. The legacy batch used the raw close; adjusted is the default here. */
public enum PriceColumn {
    ADJ_CLOSE, CLOSE;

    /** Parses "adj_close" / "close" (case-insensitive, '-' or '_'). */
    public static PriceColumn parse(String text) {
        String t = text.trim().toLowerCase(Locale.ROOT).replace('-', '_');
        return switch (t) {
            case "adj_close", "adjclose", "adjusted" -> ADJ_CLOSE;
            case "close" -> CLOSE;
            default -> throw new IllegalArgumentException("unknown price column '" + text + "' (expected adj_close or close)");
        };
    }
}
