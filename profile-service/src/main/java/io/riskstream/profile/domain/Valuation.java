package io.riskstream.profile.domain;

/**
 * The daily ratios from the session's price and the per-share figures of the quarterly tier: P/E = price / trailing
 * EPS, forward P/E = price / the current fiscal year's consensus EPS, dividend yield = annual dividend per share /
 * price. A provider that quotes a ratio itself is taken at its word; where it does not (FMP's quote has none), the
 * ratio is derived. A non-positive EPS or price gives no ratio (a P/E of a loss is not a number anyone reads).
 */
public final class Valuation {

    private Valuation() {
    }

    public static Double ratio(Double quoted, Double price, Double perShare) {
        if (quoted != null) {
            return quoted;
        }
        if (price == null || perShare == null || !(price > 0) || !(perShare > 0)) {
            return null;
        }
        return price / perShare;
    }

    public static Double dividendYield(Double quoted, Double price, Double dividendPerShare) {
        if (quoted != null) {
            return quoted;
        }
        if (price == null || dividendPerShare == null || !(price > 0) || dividendPerShare < 0) {
            return null;
        }
        return dividendPerShare / price;
    }
}
