package io.riskstream.factor.application;

import io.riskstream.common.event.FactorsReady.DatedExposures;

import java.time.LocalDate;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Stored exposures (all factors of a symbol and calculation date together), provider betas, and calculations waiting
 * for benchmarks.
 */
public interface ExposureStore {

    void upsert(String symbol, List<DatedExposures> exposures);

    Optional<DatedExposures> find(String symbol, LocalDate date);

    Optional<DatedExposures> latest(String symbol);

    void setProviderBeta(String symbol, Double beta);

    /** The calculation dates that have exposures for {@code symbol}, ascending. */
    List<LocalDate> calculationDates(String symbol);

    /** Removes one factor's rows of a symbol (a provider beta that is no longer there). */
    void deleteFactor(String symbol, String factor);

    Optional<Double> providerBeta(String symbol);

    /** The stored provider betas of {@code symbols} (a symbol without one is absent); one query where possible. */
    default Map<String, Double> providerBetas(Collection<String> symbols) {
        Map<String, Double> betas = new java.util.HashMap<>();
        symbols.forEach(s -> providerBeta(s).ifPresent(b -> betas.put(s, b)));
        return betas;
    }

    /** Serializes work on one symbol (prices, profile) until the end of the current transaction. */
    void lockSymbol(String symbol);

    /** {@link #lockSymbol} of each symbol in the order given (callers sort them, so two callers cannot deadlock). */
    default void lockSymbols(List<String> symbols) {
        symbols.forEach(this::lockSymbol);
    }

    /** Serializes work on pending calculations until the end of the current transaction. */
    void lockPending();

    void addPending(String symbol, Collection<LocalDate> dates);

    /** Removes and returns the pending dates on or before {@code coverage}, by symbol. */
    Map<String, List<LocalDate>> takePending(LocalDate coverage);
}
