package io.riskstream.portfolio.domain.risk;

import java.util.List;

/**
 * A portfolio's volatility on one date (annualised with √252). A value is null when its input is missing, and
 * {@code reasons} then says why; an empty list means every value is there.
 *
 * @param observations  aligned daily returns of today's book over the lookback
 * @param expected21d   HAR forecast of the next days' volatility
 * @param harRSquared   in-sample R² of the HAR regression
 * @param trendSlope    slope of the last 21 rolling 21-day volatilities per trading day
 * @param percentile    share of the rolling 21-day volatilities of the lookback strictly below today's
 */
public record Volatility(int observations, Double realized21d, Double realized63d, Double expected21d,
                         Double harRSquared, VolatilityTrend trend, Double trendSlope, Double trendRSquared,
                         Double percentile, List<String> reasons) {

    public Volatility {
        reasons = List.copyOf(reasons);
    }

    static Volatility missing(int observations, String reason) {
        return new Volatility(observations, null, null, null, null, null, null, null, null, List.of(reason));
    }

    public boolean complete() {
        return reasons.isEmpty();
    }
}
