package io.riskstream.fundamentals.application;

import io.riskstream.common.marketdata.FinancialStatement;

import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;

public interface StatementStore {

    /** Upserts each statement by (symbol, statement, frequency, period end). */
    void upsert(List<FinancialStatement> statements);

    Optional<Instant> lastFetched(String symbol);

    void recordFetch(String symbol, Instant at, LocalDate nextEarnings);
}
