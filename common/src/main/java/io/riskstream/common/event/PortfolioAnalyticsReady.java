package io.riskstream.common.event;

import java.time.LocalDate;
import java.util.Map;
import java.util.UUID;

import static io.riskstream.common.event.Contract.*;

/** A portfolio's valuation and factor exposures for {@code date} are stored. Key: the portfolio id. */
public record PortfolioAnalyticsReady(UUID portfolioId, LocalDate date, LocalDate priceDate, double nav,
                                      double coverage, boolean partial, Map<String, Exposure> factors)
        implements EventPayload {

    public record Exposure(double exposure, double dollar) {
        public Exposure {
            finite(exposure, "exposure");
            finite(dollar, "dollar");
        }
    }

    public PortfolioAnalyticsReady {
        required(portfolioId, "portfolioId");
        checkDate(date, "date");
        finite(nav, "nav");
        finite(coverage, "coverage");
        factors = Map.copyOf(required(factors, "factors"));
    }

    @Override
    public String key() {
        return portfolioId.toString();
    }
}
