package io.riskstream.common.event;

import java.time.LocalDate;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

import static io.riskstream.common.event.Contract.*;

/**
 * A portfolio's valuation, factor exposures and risk analytics for {@code date} are stored. Key: the portfolio id.
 * {@code risk} (added in a compatible way: absent from older events, so null there) summarises the risk analytics.
 */
public record PortfolioAnalyticsReady(UUID portfolioId, LocalDate date, LocalDate priceDate, double nav,
                                      double coverage, boolean partial, Map<String, Exposure> factors, Risk risk)
        implements EventPayload {

    public record Exposure(double exposure, double dollar) {
        public Exposure {
            finite(exposure, "exposure");
            finite(dollar, "dollar");
        }
    }

    /** A scenario's P&L: null where an input was missing. */
    public record StressPnl(Double direct, Double correlated) {
        public StressPnl {
            finiteOrNull(direct, "risk.stress.direct");
            finiteOrNull(correlated, "risk.stress.correlated");
        }
    }

    /**
     * The date's risk analytics in brief (each value null where its input is missing, {@code incomplete} saying why
     * per analytic: betas, volatility, correlations, stress). Volatilities are annualised; {@code volatilityTrend} is
     * increasing, decreasing or stable; {@code effectivePositions} is the correlation-based number.
     */
    public record Risk(Double marketBeta90d, Double providerBeta1y, Double realizedVolatility21d,
                       Double realizedVolatility63d, Double expectedVolatility21d, String volatilityTrend,
                       Double volatilityPercentile, Double effectivePositions, Integer correlationClusters,
                       String scenarioVersion, Map<String, StressPnl> stress, Map<String, String> incomplete) {

        private static final Set<String> TRENDS = Set.of("increasing", "decreasing", "stable");

        public Risk {
            finiteOrNull(marketBeta90d, "risk.marketBeta90d");
            finiteOrNull(providerBeta1y, "risk.providerBeta1y");
            finiteOrNull(realizedVolatility21d, "risk.realizedVolatility21d");
            finiteOrNull(realizedVolatility63d, "risk.realizedVolatility63d");
            finiteOrNull(expectedVolatility21d, "risk.expectedVolatility21d");
            if (volatilityTrend != null && !TRENDS.contains(volatilityTrend)) {
                throw new IllegalArgumentException("risk.volatilityTrend '" + volatilityTrend + "' is not one of " + TRENDS);
            }
            if (volatilityPercentile != null && !(volatilityPercentile >= 0 && volatilityPercentile <= 1)) {
                throw new IllegalArgumentException("risk.volatilityPercentile must be between 0 and 1, got "
                        + volatilityPercentile);
            }
            finiteOrNull(effectivePositions, "risk.effectivePositions");
            if (correlationClusters != null && correlationClusters < 0) {
                throw new IllegalArgumentException("risk.correlationClusters must not be negative");
            }
            stress = Map.copyOf(required(stress, "risk.stress"));
            incomplete = Map.copyOf(required(incomplete, "risk.incomplete"));
        }
    }

    public PortfolioAnalyticsReady {
        required(portfolioId, "portfolioId");
        checkDate(date, "date");
        finite(nav, "nav");
        finite(coverage, "coverage");
        factors = Map.copyOf(required(factors, "factors"));
    }

    /** Without risk analytics (as before they were added). */
    public PortfolioAnalyticsReady(UUID portfolioId, LocalDate date, LocalDate priceDate, double nav, double coverage,
                                   boolean partial, Map<String, Exposure> factors) {
        this(portfolioId, date, priceDate, nav, coverage, partial, factors, null);
    }

    @Override
    public String key() {
        return portfolioId.toString();
    }
}
