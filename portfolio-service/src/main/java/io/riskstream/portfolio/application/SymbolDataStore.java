package io.riskstream.portfolio.application;

import io.riskstream.common.event.FactorsReady.DatedExposures;
import io.riskstream.common.event.PriceBar;
import io.riskstream.portfolio.domain.risk.PriceHistories;
import io.riskstream.portfolio.domain.risk.SnapshotBetas;

import java.time.LocalDate;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableMap;
import java.util.Optional;
import java.util.Set;

/** Prices and betas the symbol services announced (event-carried state; no reads of their databases). */
public interface SymbolDataStore {

    /**
     * Upserts the closes and adjusted closes; returns the earliest date whose close or adjusted close was new or
     * changed (empty: nothing changed).
     */
    Optional<LocalDate> savePrices(String symbol, List<PriceBar> bars);

    void saveFactors(String symbol, List<DatedExposures> exposures);

    /**
     * symbol → its closes in (from, to] and the last one on or before {@code from}, for the symbols that have any:
     * enough to find the last close on or before any date in [from, to].
     */
    Map<String, NavigableMap<LocalDate, Double>> closeHistory(Collection<String> symbols, LocalDate from, LocalDate to);

    /**
     * The adjusted closes of the symbols from {@code from} on (at least through {@code to}), for the symbols that have
     * any: the return series of the volatility, correlation and stress analytics.
     */
    PriceHistories adjustedCloses(Collection<String> symbols, LocalDate from, LocalDate to);

    /** The betas of the dates, and beside them the fits (R², observations) of one factor. */
    record BetasAndFits(Map<LocalDate, Map<String, Map<String, Double>>> betas,
                        Map<LocalDate, Map<String, SnapshotBetas.Fit>> fits) {
    }

    /** {@link #betas} and the fits of {@code fitFactor} in one read where possible. */
    default BetasAndFits betasAndFits(Collection<String> symbols, Collection<LocalDate> dates, String fitFactor) {
        Map<LocalDate, Map<String, Map<String, Double>>> betas = betas(symbols, dates);
        Map<LocalDate, Map<String, SnapshotBetas.Fit>> fits = new HashMap<>();
        betas.forEach((date, bySymbol) -> bySymbol.forEach((symbol, factors) -> {
            if (factors.containsKey(fitFactor)) {
                fits.computeIfAbsent(date, d -> new HashMap<>()).put(symbol,
                        new SnapshotBetas.Fit(factors.get(fitFactor), null, null));
            }
        }));
        return new BetasAndFits(betas, fits);
    }

    /** date → symbol → factor → beta, for the dates and symbols that have betas. */
    Map<LocalDate, Map<String, Map<String, Double>>> betas(Collection<String> symbols, Collection<LocalDate> dates);

    /** date → the symbols among {@code symbols} that have betas for it (one query where possible). */
    default Map<LocalDate, Set<String>> symbolsWithBetas(Collection<String> symbols, Collection<LocalDate> dates) {
        Map<LocalDate, Set<String>> with = new HashMap<>();
        betas(symbols, dates).forEach((date, bySymbol) -> with.put(date, Set.copyOf(bySymbol.keySet())));
        return with;
    }

    /** The symbols among {@code symbols} that have at least one close. */
    Set<String> symbolsWithCloses(Collection<String> symbols);

    /** symbol → the first date it has betas for, for the symbols that have any. */
    Map<String, LocalDate> firstBetaDates(Collection<String> symbols);
}
