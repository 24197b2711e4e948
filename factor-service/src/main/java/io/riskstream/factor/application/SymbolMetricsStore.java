package io.riskstream.factor.application;

import io.riskstream.factor.domain.metrics.SymbolMetrics;

import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

/** One metrics row per (symbol, date): a history, upserted on its natural key. */
public interface SymbolMetricsStore {

    void upsert(List<SymbolMetrics> metrics);

    Optional<SymbolMetrics> find(String symbol, LocalDate date);

    Optional<SymbolMetrics> latest(String symbol);

    /** Every stored date of {@code symbol}, ascending. */
    List<SymbolMetrics> all(String symbol);
}
