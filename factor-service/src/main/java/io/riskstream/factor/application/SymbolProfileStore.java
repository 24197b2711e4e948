package io.riskstream.factor.application;

import io.riskstream.factor.domain.metrics.Valuation;

import java.util.Optional;

/** The latest profile values of each symbol, from profile-updated. */
public interface SymbolProfileStore {

    void save(String symbol, Valuation valuation);

    Optional<Valuation> find(String symbol);
}
