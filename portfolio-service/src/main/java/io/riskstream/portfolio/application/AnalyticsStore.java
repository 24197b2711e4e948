package io.riskstream.portfolio.application;

import io.riskstream.portfolio.domain.FactorExposureCalculation;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Portfolio analytics per (portfolio, date): one complete row set per date, upserted. */
public interface AnalyticsStore {

    record StoredAnalytics(UUID portfolioId, LocalDate date, LocalDate priceDate, BigDecimal nav, double coverage,
                           boolean partial, Map<String, double[]> factors) {
    }

    void save(UUID portfolioId, BigDecimal nav, boolean partial, FactorExposureCalculation.Result result);

    Optional<StoredAnalytics> find(UUID portfolioId, LocalDate date);

    Optional<StoredAnalytics> latest(UUID portfolioId);
}
