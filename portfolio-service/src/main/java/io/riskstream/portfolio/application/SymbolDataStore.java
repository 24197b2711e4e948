package io.riskstream.portfolio.application;

import io.riskstream.common.event.FactorsReady.DatedExposures;
import io.riskstream.common.event.PriceBar;
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
     * symbol → its adjusted closes dated in [from, to], for the symbols that have any (the return series of the
     * volatility, correlation and stress analytics).
     */
    Map<String, NavigableMap<LocalDate, Double>> adjustedCloses(Collection<String> symbols, LocalDate from, LocalDate to);

    /** date → symbol → the fit of {@code factor} (beta, R², observations), for the dates and symbols that have one. */
    Map<LocalDate, Map<String, SnapshotBetas.Fit>> factorFits(Collection<String> symbols, Collection<LocalDate> dates,
                                                              String factor);

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
