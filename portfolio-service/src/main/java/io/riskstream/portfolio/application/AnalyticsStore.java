package io.riskstream.portfolio.application;

import io.riskstream.portfolio.domain.Concentration;
import io.riskstream.portfolio.domain.DailySnapshotCalculation;
import io.riskstream.portfolio.domain.SectorExposure;
import io.riskstream.portfolio.domain.ValuedDate;

import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.Collection;
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

    /**
     * Upserts each date's analytics row, snapshot and risk row and replaces its factor, sector, cluster, stress and
     * position-value rows, for all the dates in a few statements (the rows travel as column arrays).
     */
    void saveAll(UUID portfolioId, List<ValuedDate> dates);

    /**
     * What the dates in [first, last] roll forward from: the latest stored snapshot before {@code first}, and every
     * stored snapshot from {@code first} up to (not including) {@code last}; keyed by date.
     */
    Map<LocalDate, DailySnapshotCalculation.Previous> rollingBases(UUID portfolioId, LocalDate first, LocalDate last);

    /**
     * portfolio → its computed dates in [from, to], for the given portfolios, or for every portfolio when
     * {@code portfolioIds} is null.
     */
    Map<UUID, List<LocalDate>> computedDates(Collection<UUID> portfolioIds, LocalDate from, LocalDate to);

    /** Dates after {@code date} that already have a snapshot (they roll forward from it and must follow it). */
    List<LocalDate> snapshotDatesAfter(UUID portfolioId, LocalDate date);

    List<StoredSnapshot> snapshots(UUID portfolioId, LocalDate from, LocalDate to);

    Map<String, SectorExposure.Bucket> sectors(UUID portfolioId, LocalDate date);

    Optional<LocalDate> latestSnapshotDate(UUID portfolioId);

    Optional<StoredAnalytics> find(UUID portfolioId, LocalDate date);

    Optional<StoredAnalytics> latest(UUID portfolioId);

    /** The stored analytics of the dates in [from, to], ascending, each with its factor exposures. */
    List<StoredAnalytics> series(UUID portfolioId, LocalDate from, LocalDate to);

    /** A portfolio with its latest analytics (the date, NAV, coverage and partial flag are null before any). */
    record PortfolioSummary(UUID id, String name, String currency, BigDecimal equity, LocalDate latestDate,
                            BigDecimal nav, Double coverage, Boolean partial) {
    }

    /** One page of the portfolios, by name and id, each with its latest analytics. */
    List<PortfolioSummary> summaries(long offset, int limit);

    long portfolioCount();
}
