package io.riskstream.portfolio.application;

import io.riskstream.portfolio.domain.Concentration;
import io.riskstream.portfolio.domain.DailySnapshotCalculation;
import io.riskstream.portfolio.domain.FactorExposureCalculation;
import io.riskstream.portfolio.domain.SectorExposure;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;

/** Portfolio analytics per (portfolio, date): one complete row set per date, upserted. */
public interface AnalyticsStore {

    record StoredAnalytics(UUID portfolioId, LocalDate date, LocalDate priceDate, BigDecimal nav, double coverage,
                           boolean partial, Map<String, double[]> factors) {
    }

    /** What a stored snapshot says, with the freshness of its inputs. */
    record StoredSnapshot(LocalDate date, BigDecimal nav, double longValue, double shortValue, double grossExposure,
                          double netExposure, double cash, double dailyPnl, double dailyRealizedPnl,
                          double dailyCapitalFlow, double cumulativePnl, double cumulativeRealizedPnl,
                          double cumulativeCapitalFlow, double dailyReturn, int positions, int longPositions,
                          int shortPositions, List<String> unpriced, LocalDate priceDate, LocalDate oldestPriceDate,
                          int priceStalenessDays, LocalDate factorDate, double factorCoverage, boolean partial,
                          Concentration concentration) {
    }

    void save(UUID portfolioId, BigDecimal nav, boolean partial, FactorExposureCalculation.Result result);

    /** Upserts the date's snapshot and replaces its sector rows. */
    void saveSnapshot(UUID portfolioId, DailySnapshotCalculation.Snapshot snapshot, Concentration concentration,
                      SectorExposure sectors, double factorCoverage, boolean partial);

    /** The latest snapshot strictly before {@code date}: what {@code date} rolls forward from. */
    Optional<DailySnapshotCalculation.Previous> previousSnapshot(UUID portfolioId, LocalDate date);

    /** Dates after {@code date} that already have a snapshot (they roll forward from it and must follow it). */
    List<LocalDate> snapshotDatesAfter(UUID portfolioId, LocalDate date);

    List<StoredSnapshot> snapshots(UUID portfolioId, LocalDate from, LocalDate to);

    Map<String, SectorExposure.Bucket> sectors(UUID portfolioId, LocalDate date);

    Optional<LocalDate> latestSnapshotDate(UUID portfolioId);

    Optional<StoredAnalytics> find(UUID portfolioId, LocalDate date);

    Optional<StoredAnalytics> latest(UUID portfolioId);
}
