package io.riskstream.portfolio.application;

import io.riskstream.common.event.FactorsReady.DatedExposures;
import io.riskstream.common.event.PriceBar;
import io.riskstream.portfolio.domain.BetasByDate;
import io.riskstream.portfolio.domain.CloseHistory;
import io.riskstream.portfolio.domain.SymbolArrivals;
import io.riskstream.portfolio.domain.risk.PriceHistories;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
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
     * The closes of the symbols in (from, to] and the last one on or before {@code from}, for the symbols that have
     * any: enough to find the last close on or before any date in [from, to].
     */
    CloseHistory closeHistory(Collection<String> symbols, LocalDate from, LocalDate to);

    /**
     * The adjusted closes of the symbols from {@code from} on (at least through {@code to}), for the symbols that have
     * any: the return series of the volatility, correlation and stress analytics.
     */
    PriceHistories adjustedCloses(Collection<String> symbols, LocalDate from, LocalDate to);

    /** The symbols' betas on the dates, and beside them the fits (R², observations) of {@code fitFactor}. */
    BetasByDate betasAndFits(Collection<String> symbols, Collection<LocalDate> dates, String fitFactor);

    /** date → the symbols among {@code symbols} that have betas for it (one query where possible). */
    Map<LocalDate, Set<String>> symbolsWithBetas(Collection<String> symbols, Collection<LocalDate> dates);

    /** The symbols among {@code symbols} that have at least one close. */
    Set<String> symbolsWithCloses(Collection<String> symbols);

    /** symbol → the first date it has betas for, for the symbols that have any. */
    Map<String, LocalDate> firstBetaDates(Collection<String> symbols);

    /** Which of the symbols have closes, and from which date each has betas. */
    default SymbolArrivals arrivals(Collection<String> symbols) {
        Map<String, LocalDate> firstBetas = firstBetaDates(symbols);
        return new SymbolArrivals(symbolsWithCloses(symbols), firstBetas);
    }
}
