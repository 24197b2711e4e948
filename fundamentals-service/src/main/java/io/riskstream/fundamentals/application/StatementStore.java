package io.riskstream.fundamentals.application;

import io.riskstream.marketdata.Frequency;
import io.riskstream.marketdata.StatementKind;
import io.riskstream.fundamentals.domain.StatementRow;

import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.Optional;

public interface StatementStore {

    /** A symbol's fetch bookkeeping: when it was last fetched, its next earnings date, the last close that did. */
    record FetchState(String symbol, Optional<Instant> lastFetched, Optional<LocalDate> nextEarnings,
                      Optional<LocalDate> lastCloseDate, String source) {
    }

    /** One stored statement: typed line items, derived ratios, the full item set and its provider. */
    record StoredStatement(StatementKind kind, Frequency frequency, LocalDate periodEnd, String currency,
                           Map<String, BigDecimal> lineItems, Map<String, BigDecimal> derived,
                           Map<String, Object> items, String source, Instant fetchedAt) {
    }

    /** Upserts each row by (symbol, frequency, period end) in its statement's table. */
    void upsert(List<StatementRow> rows);

    Optional<Instant> lastFetched(String symbol);

    List<FetchState> fetchStates();

    Optional<FetchState> fetchState(String symbol);

    /** Every stored statement of a symbol, newest period first. */
    List<StoredStatement> statements(String symbol);

    /**
     * Records a fetch; {@code closeDate} (nullable) is the daily close it belongs to, {@code source} the provider
     * that answered.
     */
    void recordFetch(String symbol, Instant at, LocalDate nextEarnings, LocalDate closeDate, String source);

    boolean dailyCloseDone(LocalDate tradingDate);

    void markDailyCloseDone(LocalDate tradingDate, int fetched, int skipped, Instant at);
}
