package io.riskstream.portfolio.application;

import io.riskstream.portfolio.domain.PositionValuation;
import io.riskstream.portfolio.domain.risk.Correlations;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** The stored risk analytics and position values, as the API reads them (each row with the reason it is partial). */
public interface RiskStore {

    record BetasRow(LocalDate date, Double marketBeta90d, Double marketBetaRSquared, Integer marketBetaObservations,
                    Double providerBeta1y, String reason) {
    }

    record VolatilityRow(LocalDate date, int observations, Double realized21d, Double realized63d, Double expected21d,
                         Double harRSquared, String trend, Double trendSlope, Double trendRSquared, Double percentile,
                         String reason) {
    }

    /** {@code pairs} is null when the caller did not ask for them (a date range). */
    record CorrelationRow(LocalDate date, int dataPoints, List<String> symbols, List<Correlations.Pair> pairs,
                          List<Correlations.Cluster> clusters, Double overallCorrelation, Double concentrationScore,
                          Double effectivePositions, String excluded, String reason) {
    }

    record StressRow(LocalDate date, String scenarioId, String name, String category, Double directPnl,
                     Double correlatedPnl, Double correlationEffect, boolean directCapped, boolean correlatedCapped,
                     Map<String, Double> factorImpacts, String scenarioVersion, String reason) {
    }

    List<BetasRow> betas(UUID portfolioId, LocalDate from, LocalDate to);

    List<VolatilityRow> volatility(UUID portfolioId, LocalDate from, LocalDate to);

    List<CorrelationRow> correlations(UUID portfolioId, LocalDate from, LocalDate to, boolean withPairs);

    List<StressRow> stress(UUID portfolioId, LocalDate from, LocalDate to);

    List<PositionValuation.Value> positions(UUID portfolioId, LocalDate date);

    /** The latest date with risk analytics. */
    Optional<LocalDate> latestDate(UUID portfolioId);
}
