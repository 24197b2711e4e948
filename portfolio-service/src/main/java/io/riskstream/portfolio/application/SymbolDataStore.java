package io.riskstream.portfolio.application;

import io.riskstream.common.event.FactorsReady.DatedExposures;
import io.riskstream.common.event.PriceBar;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/** Prices and betas the symbol services announced (event-carried state; no reads of their databases). */
public interface SymbolDataStore {

    record Close(LocalDate date, double price) {
    }

    /** Upserts the closes; returns the earliest date whose close was new or changed (empty: nothing changed). */
    Optional<LocalDate> savePrices(String symbol, List<PriceBar> bars);

    void saveFactors(String symbol, List<DatedExposures> exposures);

    /** The last close on or before {@code date}. */
    Optional<Close> closeOnOrBefore(String symbol, LocalDate date);

    /** symbol → its last close on or before {@code date}, for the symbols that have one. */
    Map<String, Close> closesOnOrBefore(Collection<String> symbols, LocalDate date);

    /** symbol → factor → beta on {@code date}, for the symbols that have betas for that date. */
    Map<String, Map<String, Double>> betas(Collection<String> symbols, LocalDate date);

    /** The symbols among {@code symbols} that have at least one close. */
    Set<String> symbolsWithCloses(Collection<String> symbols);

    /** symbol → the first date it has betas for, for the symbols that have any. */
    Map<String, LocalDate> firstBetaDates(Collection<String> symbols);
}
